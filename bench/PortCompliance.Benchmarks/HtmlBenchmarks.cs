using BenchmarkDotNet.Attributes;
using PortCompliance.Core.Audit;
using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;
using PortCompliance.Reporting.Model;
using PortCompliance.Reporting;
using PortCompliance.Reporting.Html;

namespace PortCompliance.Benchmarks;

/// <summary>
/// Renders report.html for a fleet of 1, 10 and 100 hosts: the real samples audited against the baseline, read again
/// under new host names until the fleet is full. Templates compile once, outside the measurement, as in a CLI run
/// they compile once per report. Mean ÷ Hosts is the figure to report (ms per host).
/// </summary>
[MemoryDiagnoser]
public class HtmlBenchmarks
{
    private static readonly string[] Folders = ["ss", "netstat"];

    private ReportModel? _model;
    private HtmlRenderer? _renderer;

    [Params(1, 10, 100)]
    public int Hosts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var samples = Samples.Root();
        var listings = Folders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(samples, folder), "*.txt"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var snapshots = Enumerable.Range(0, Hosts)
            .Select(i => InputReader.ReadFile(listings[i % listings.Count], new ListingOptions(Path.GetFileName(listings[i % listings.Count]), Host: $"host{i:000}")).Snapshot!)
            .ToList();
        var policy = PolicyLoader.Load(PolicyLoader.BuiltInBaseline).Policy!;
        var settings = new AuditSettings(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero), Severity.High, "bench");
        var result = AuditRun.Whole(snapshots, policy, settings);
        _model = ReportModelBuilder.Build(result, new ReportOptions { Organisation = "Example Corp" });
        _renderer = new HtmlRenderer(new ReportOptions());
        _renderer.Render(_model, _ => Stream.Null);
    }

    [Benchmark]
    public void Render() => _renderer!.Render(_model!, _ => Stream.Null);
}
