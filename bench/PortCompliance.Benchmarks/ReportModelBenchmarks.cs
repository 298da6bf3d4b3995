using BenchmarkDotNet.Attributes;
using PortCompliance.Core.Audit;
using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;
using PortCompliance.Reporting;
using PortCompliance.Reporting.Model;

namespace PortCompliance.Benchmarks;

/// <summary>
/// Builds the report model of one host with 20k and 40k listening sockets: the genuine ss sample's rows repeated on
/// ports counted up from 20000 (about 1.3 findings a socket: approved-ports, wildcard-bind …) and every socket row looks its findings up.
/// The figure is seconds per build; it grew with sockets × findings before the findings were indexed once.
/// </summary>
[MemoryDiagnoser]
public class ReportModelBenchmarks
{
    private AuditResult _result = null!;

    [Params(20_000, 40_000)]
    public int Sockets { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _result = AuditRun.Whole([Samples.LargeHost(Sockets)], Samples.Baseline, Samples.Settings);
    }

    [Benchmark]
    public int BuildModel() => ReportModelBuilder.Build(_result, new ReportOptions { Organisation = "Example Corp" }).Hosts[0].Sockets.Count;
}
