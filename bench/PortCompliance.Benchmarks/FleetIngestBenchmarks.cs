using BenchmarkDotNet.Attributes;
using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;

namespace PortCompliance.Benchmarks;

/// <summary>
/// Ingest + evaluate of a fleet, against what <c>wc -l</c> does over the same files (the baseline: read every byte,
/// count the newlines, on every core). The fleet is the fleet sample's genuine captures copied under N host names, as
/// <c>bench/fleet.sh</c> builds it; each host is named, read, merged and judged against the built-in policy — no
/// report is written. The Ratio column is the figure issue 6 asks for (goal: within 10×).
/// </summary>
[MemoryDiagnoser]
public class FleetIngestBenchmarks
{
    private string _folder = "";
    private Policy _policy = null!;
    private AuditSettings _settings = null!;

    [Params(1_000, 10_000)]
    public int Hosts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var real = Directory.GetFiles(Path.Combine(Samples.Root(), "fleet", "2026-11"), "*.txt").Order(StringComparer.Ordinal).ToList();
        _folder = Directory.CreateTempSubdirectory("pc-bench-fleet-").FullName;
        for (var i = 0; i < Hosts; i++)
        {
            File.Copy(real[i % real.Count], Path.Combine(_folder, $"host{i + 1:00000}.ss.txt"));
        }

        (_policy, _settings) = (Samples.Baseline, Samples.Settings);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true)]
    public long CountLines() => Directory.GetFiles(_folder).AsParallel().Sum(file =>
    {
        var bytes = File.ReadAllBytes(file);
        return (long)bytes.AsSpan().Count((byte)'\n');
    });

    [Benchmark]
    public int IngestAndEvaluate()
    {
        var (files, _) = InputSet.Expand([_folder]);
        var plan = HostInputs.Plan(files, null, null, null, () => Stream.Null, [], () => { });
        return plan.Hosts.AsParallel()
            .Select(h => h.Read(format: null).Snapshot)
            .OfType<HostSnapshot>()
            .Sum(s => Auditor.Evaluate(s, _policy, ServiceCatalogue.BuiltIn, _settings).Findings.Count);
    }
}
