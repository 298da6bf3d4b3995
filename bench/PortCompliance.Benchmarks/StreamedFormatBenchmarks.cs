using BenchmarkDotNet.Attributes;
using PortCompliance.Core.Audit;
using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;
using PortCompliance.Reporting;
using PortCompliance.Reporting.Model;

namespace PortCompliance.Benchmarks;

/// <summary>
/// What a streamed format costs once the hosts are judged: each host made ahead (<see cref="IReportRun.Prepare"/>),
/// added in report order and the file finished, on one core, its spools in scratch files and the file itself counted, not kept. A fleet of 1,000 hosts — the fleet sample's
/// 19 genuine captures under 1,000 names, judged against the built-in policy, as <c>bench/fleet.sh 1000 json roles</c>
/// builds them; <c>json</c> is the baseline issue 17 measures <c>oscal</c> against — and one host with 40,000
/// listeners, where a format's work a finding must stay linear (OSCAL's was its square: 85 s).
/// </summary>
[MemoryDiagnoser]
public class StreamedFormatBenchmarks
{
    private const int Hosts = 1_000;
    private AuditResult _result = null!;
    private List<HostView> _views = null!;
    private ReportModel _model = null!;
    private IStreamingRenderer _renderer = null!;

    [Params("json", "oscal", "csv", "junit")]
    public string Format { get; set; } = "";

    /// <summary><c>fleet</c>: 1,000 hosts of the fleet sample; <c>large-host</c>: one host with 40,000 listeners.</summary>
    [Params("fleet", "large-host")]
    public string Shape { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var (policy, settings) = (Samples.Baseline, Samples.Settings);
        _renderer = ReportRenderers.Create(new ReportOptions()).OfType<IStreamingRenderer>().Single(r => r.Key == Format);
        if (Shape == "large-host")
        {
            _result = AuditRun.Whole([Samples.LargeHost(40_000)], policy, settings);
            _model = ReportModelBuilder.Build(_result, new ReportOptions());
            _views = [.. _model.Hosts];
            return;
        }

        var real = Directory.GetFiles(Path.Combine(Samples.Root(), "fleet", "2026-11"), "*.txt").Order(StringComparer.Ordinal)
            .Select(f => InputReader.ReadFile(f, new ListingOptions(f)).Snapshot!).ToList();
        var snapshots = Enumerable.Range(0, Hosts).Select(i => real[i % real.Count] with { Host = $"host{i + 1:00000}" }).ToList();
        _result = AuditRun.Whole(snapshots, policy, settings);
        var hosts = _result.Hosts.Select((h, i) => new HostAudit(i, h, Auditor.Summarize([h], 0, settings.FailOn), null)).ToList();
        var anchors = ReportModelBuilder.FleetAnchors(snapshots.Select(s => s.Host));
        _views = [.. hosts.Select(h => ReportModelBuilder.ForHost(_result with { Hosts = [] }, h, anchors[h.Index], new ReportOptions()).Hosts[0])];
        _model = ReportModelBuilder.ForFleet(_result, hosts, new ReportOptions());
    }

    [Benchmark]
    public long Stream()
    {
        var files = new List<KeptOpen>();
        using (var run = _renderer.Start(_result with { Hosts = [] }, new ReportOutput(_ => Kept(files), Scratch)))
        {
            for (var i = 0; i < _views.Count; i++)
            {
                var (host, view) = (_result.Hosts[i], _views[i]);
                run.Add(host, view, run.Prepare(host, view));
            }

            run.Finish(_model);
        }

        return files.Sum(f => f.Written);
    }

    private static KeptOpen Kept(List<KeptOpen> files)
    {
        var file = new KeptOpen();
        files.Add(file);
        return file;
    }

    /// <summary>
    /// Scratch space as the CLI gives it: a file, deleted on close. A spool in a MemoryStream of its own doubles and
    /// copies its way to 13 MB, and that, not the format, was most of what an earlier version of this benchmark timed.
    /// </summary>
    private static FileStream Scratch() =>
        new(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

    /// <summary>An output file that counts what is written to it and keeps none of it.</summary>
    private sealed class KeptOpen : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Written;
        public override long Position { get => Written; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Written += count;
        public override void Write(ReadOnlySpan<byte> buffer) => Written += buffer.Length;
    }
}
