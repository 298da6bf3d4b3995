using System.Text;
using System.Text.RegularExpressions;
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
/// Builds the report model of one host with 20k and 40k listening sockets: the genuine ss sample's rows repeated on
/// ports counted up from 20000 (about 1.3 findings a socket: approved-ports, wildcard-bind …) and every socket row looks its findings up.
/// The figure is seconds per build; it grew with sockets × findings before the findings were indexed once.
/// </summary>
[MemoryDiagnoser]
public partial class ReportModelBenchmarks
{
    private AuditResult _result = null!;

    [Params(20_000, 40_000)]
    public int Sockets { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var lines = File.ReadAllLines(Path.Combine(Samples.Root(), "ss", "ss-lntup-debian12-db.txt"));
        var rows = lines.Skip(1).Where(l => l.Length > 0).ToArray();
        var text = new StringBuilder(lines[0]).Append('\n');
        for (var i = 0; i < Sockets; i++)
        {
            text.Append(LocalPort().Replace(rows[i % rows.Length], $"${{address}}:{20000 + i}${{peer}}", 1)).Append('\n');
        }

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
        var snapshot = InputReader.Read(stream, new ListingOptions("big.ss.txt", Host: "big-db")).Snapshot!;
        var policy = PolicyLoader.Load(PolicyLoader.BuiltInBaseline).Policy!;
        _result = AuditRun.Whole([snapshot], policy, new AuditSettings(new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero), Severity.High, "bench"));
    }

    [Benchmark]
    public int BuildModel() => ReportModelBuilder.Build(_result, new ReportOptions { Organisation = "Example Corp" }).Hosts[0].Sockets.Count;

    /// <summary>The local address column's port: the first <c>address:port</c> followed by the peer column.</summary>
    [GeneratedRegex(@"(?<address>\S+):\d+(?<peer>\s+\S+:\S+)")]
    private static partial Regex LocalPort();
}
