using System.Text;
using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Reporting.Tests.Support;

/// <summary>Report models of real samples, audited under the built-in baseline on a fixed day.</summary>
internal static class Reports
{
    public static readonly DateTimeOffset Day = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<Core.Policy.Policy> Baseline = new(() =>
        PolicyLoader.Load(PolicyLoader.BuiltInBaseline).Policy ?? throw new InvalidOperationException("the built-in baseline does not load"));

    public static ReportModel Of(params string[] samples) =>
        Of([.. samples.Select(s => Read(File.OpenRead(RepoPaths.Combine(s)), new ListingOptions(s)))]);

    /// <summary>A real sample under another host name, or with its text changed (an untrusted process name).</summary>
    public static HostSnapshot Read(string sample, string? host = null, Func<string, string>? edit = null)
    {
        var text = File.ReadAllText(RepoPaths.Combine(sample));
        var bytes = Encoding.UTF8.GetBytes(edit is null ? text : edit(text));
        return Read(new MemoryStream(bytes), new ListingOptions(sample, Host: host));
    }

    public static ReportModel Of(IReadOnlyList<HostSnapshot> snapshots)
    {
        var result = Auditor.Audit(snapshots, [], Baseline.Value, ServiceCatalogue.BuiltIn, new AuditSettings(Day, Severity.High, "test"));
        return ReportModelBuilder.Build(result, new ReportOptions { Organisation = "Example Corp" });
    }

    /// <summary>Every listing under samples/, as the CLI would read the folder.</summary>
    public static IReadOnlyList<string> AllSamples() =>
        [.. Directory.EnumerateFiles(RepoPaths.Samples, "*.txt", SearchOption.AllDirectories).Select(RepoPaths.Relative).Order(StringComparer.Ordinal)];

    private static HostSnapshot Read(Stream stream, ListingOptions options)
    {
        using (stream)
        {
            var result = ListingReader.Read(stream, options);
            return result.Snapshot ?? throw new InvalidOperationException(string.Join("; ", result.Diagnostics));
        }
    }
}
