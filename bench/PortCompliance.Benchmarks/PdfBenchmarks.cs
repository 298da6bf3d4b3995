using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using PortCompliance.Core.Audit;
using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;
using PortCompliance.Reporting.Model;
using PortCompliance.Reporting;
using PortCompliance.Reporting.Pdf;

namespace PortCompliance.Benchmarks;

/// <summary>
/// Renders report.pdf for 1, 10 and 100 hosts. The hosts are the real captures in samples/, audited again and again
/// under new host names (as a fleet of similar servers arrives), so every page is a page a real audit produces.
/// Milliseconds per host is the figure to report.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerHostConfig))]
public class PdfBenchmarks
{
    private ReportModel _model = null!;

    [Params(1, 10, 100)]
    public int Hosts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var samples = Directory.EnumerateFiles(Path.Combine(Samples.Root(), "ss"), "*.txt")
            .Concat(Directory.EnumerateFiles(Path.Combine(Samples.Root(), "netstat"), "*.txt"))
            .Order(StringComparer.Ordinal).ToList();
        var snapshots = Enumerable.Range(0, Hosts).Select(i =>
        {
            var path = samples[i % samples.Count];
            var read = InputReader.ReadFile(path, new ListingOptions(Path.GetFileName(path), Host: $"host{i + 1:000}"));
            return read.Snapshot!;
        }).ToList();
        var policy = PolicyLoader.Load(PolicyLoader.BuiltInBaseline).Policy!;
        var result = AuditRun.Whole(snapshots, policy, new AuditSettings(new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero), Severity.High, "bench"));
        _model = ReportModelBuilder.Build(result, new ReportOptions { Organisation = "Example Corp" });
        PdfReport.Render(_model, TextWriter.Null, new ReportOptions());
    }

    [Benchmark]
    public int RenderPdf() => PdfReport.Render(_model, TextWriter.Null, new ReportOptions()).Length;

    private sealed class PerHostConfig : ManualConfig
    {
        public PerHostConfig() => AddColumn(new MillisecondsPerHostColumn());
    }

    private sealed class MillisecondsPerHostColumn : IColumn
    {
        public string Id => "MsPerHost";
        public string ColumnName => "ms/host";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Mean time to render the whole report.pdf, divided by the hosts in it";
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            var hosts = (int)benchmarkCase.Parameters["Hosts"];
            return mean is > 0 ? $"{mean.Value / 1e6 / hosts:N1}" : "-";
        }
    }
}
