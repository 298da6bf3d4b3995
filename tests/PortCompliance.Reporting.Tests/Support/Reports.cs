using System.Text;
using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;
using PortCompliance.Reporting.Html;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Reporting.Tests.Support;

/// <summary>Real samples audited on a fixed day and projected into the report model, as the CLI does it.</summary>
internal static class Reports
{
    public static readonly DateTimeOffset Day = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    public static ReportOptions Options { get; } = new() { Organisation = "Example Corp" };

    /// <summary>A sample under samples/, optionally read under another host name.</summary>
    public static HostSnapshot Read(string sample, string? host = null)
    {
        var result = ListingReader.ReadFile(RepoPaths.Combine(sample), new ListingOptions(sample, host));
        return result.Snapshot ?? throw new InvalidOperationException(string.Join("; ", result.Diagnostics));
    }

    /// <summary>A listing given as text, read as if it came from <paramref name="source"/>.</summary>
    public static HostSnapshot Parse(string listing, string source, string? host = null)
    {
        var result = ListingReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(listing)), new ListingOptions(source, host));
        return result.Snapshot ?? throw new InvalidOperationException(string.Join("; ", result.Diagnostics));
    }

    private static readonly Lock WorkingDirectory = new();

    /// <summary>The built-in baseline.</summary>
    public static Policy Baseline() => Check(PolicyLoader.Load(PolicyLoader.BuiltInBaseline));

    /// <summary>
    /// A policy file in the repository, loaded from the repository root so that its path — which reports and
    /// remediation steps quote — reads the same on every machine.
    /// </summary>
    public static Policy PolicyFile(string repoRelativePath)
    {
        lock (WorkingDirectory)
        {
            var previous = Environment.CurrentDirectory;
            Environment.CurrentDirectory = RepoPaths.Root;
            try
            {
                return Check(PolicyLoader.Load(repoRelativePath));
            }
            finally
            {
                Environment.CurrentDirectory = previous;
            }
        }
    }

    /// <summary>A policy written in the test (it may extend <c>builtin:baseline</c>).</summary>
    public static Policy PolicyText(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pc-html-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        try
        {
            return Check(PolicyLoader.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static AuditResult Audit(IReadOnlyList<HostSnapshot> hosts, Policy? policy = null, IReadOnlyList<InputProblem>? inputErrors = null) =>
        Auditor.Audit(hosts, inputErrors ?? [], policy ?? Baseline(), ServiceCatalogue.BuiltIn, new AuditSettings(Day, Severity.High, "test"));

    public static ReportModel Model(AuditResult result, ReportOptions? options = null) => ReportModelBuilder.Build(result, options ?? Options);

    public static string Html(ReportModel model, ReportOptions? options = null)
    {
        var streams = new Dictionary<string, MemoryStream>();
        new HtmlRenderer(options ?? Options).Render(model, name => streams[name] = new MemoryStream());
        return Encoding.UTF8.GetString(Assert.Single(streams, s => s.Key == "report.html").Value.ToArray());
    }

    private static Policy Check(PolicyLoadResult loaded) =>
        loaded.Policy ?? throw new InvalidOperationException(string.Join("\n", loaded.Diagnostics));
}
