using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using PortCompliance.Core.Audit;
using PortCompliance.Reporting.Evidence;
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

    [Params(1, 10)]
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
            var read = InputReader.ReadFile(path, new ListingOptions(path, Host: $"host{i + 1:000}"));
            return read.Snapshot!;
        }).ToList();
        var result = AuditRun.Whole(snapshots, Samples.Baseline, Samples.Settings);
        _model = ReportModelBuilder.Build(result, new ReportOptions { Organisation = "Example Corp" });
        PdfReport.Render(_model, TextWriter.Null, new ReportOptions());
    }

    [Benchmark(Baseline = true)]
    public int RenderPdf() => PdfReport.Render(_model, TextWriter.Null, new ReportOptions()).Length;

    /// <summary>With the listings and policy attached, as every audit now writes it.</summary>
    [Benchmark]
    public int RenderPdfWithEvidence() => PdfReport.Render(_model, TextWriter.Null, new ReportOptions { Evidence = DiskEvidence.Instance }).Length;

    /// <summary>With the evidence attached and signed (RSA 2048, SHA-256), as <c>audit --sign</c> writes it.</summary>
    [Benchmark]
    public int RenderSignedPdf() => PdfReport.Render(_model, TextWriter.Null, new ReportOptions { Evidence = DiskEvidence.Instance, Signer = _signer }).Length;

    private ReportSigner _signer = null!;

    [GlobalSetup(Target = nameof(RenderSignedPdf))]
    public void SetupSigned()
    {
        Setup();
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=Bench Signer", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        _signer = new ReportSigner(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(
            made.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx), null), DateTimeOffset.UtcNow);
    }

    /// <summary>The files as the CLI reads them: from disk, the built-in policy from policies/.</summary>
    private sealed class DiskEvidence : IEvidenceSource
    {
        public static DiskEvidence Instance { get; } = new();

        public EvidenceBytes Read(EvidenceKind kind, string source, string? sha256, long maxBytes) =>
            EvidenceBytes.Of(File.ReadAllBytes(source.StartsWith("builtin:", StringComparison.Ordinal)
                ? Path.Combine(Samples.Root(), "..", "policies", $"{source[8..]}.yaml")
                : File.Exists(source) ? source : Path.Combine(Samples.Root(), "..", source)));
    }

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
