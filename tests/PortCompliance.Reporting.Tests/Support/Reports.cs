using PortCompliance.Core.Audit;
using PortCompliance.Reporting.Model;
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

    public static ReportOptions Options { get; } = new() { Organisation = "Example Corp", Evidence = RepoEvidence.Instance };

    /// <summary>The hostile strings every format must render as inert text.</summary>
    public static readonly string[] Payloads = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "=HYPERLINK(\"http://x\")"];

    /// <summary>The model of samples audited against the built-in baseline.</summary>
    public static ReportModel Of(params string[] samples) => Of([.. samples.Select(s => Read(s))], null);

    /// <summary>The model of these hosts under the built-in baseline.</summary>
    public static ReportModel Of(IReadOnlyList<HostSnapshot> hosts) => Of(hosts, null);

    /// <summary>The model of these hosts under a policy written in the test, or the baseline when null.</summary>
    public static ReportModel Of(IReadOnlyList<HostSnapshot> hosts, string? policyYaml) =>
        Model(hosts, policyYaml is null ? null : PolicyText(policyYaml));

    /// <summary>
    /// The report model of one audit run over these hosts, as the CLI builds it: a combined report, or above the fleet
    /// threshold the fleet's summary built host by host as the run streams them.
    /// </summary>
    public static ReportModel Model(
        IReadOnlyList<HostSnapshot> hosts, Policy? policy = null, IReadOnlyList<InputProblem>? inputErrors = null, ReportOptions? options = null)
    {
        var request = new AuditRequest
        {
            Hosts = AuditRequest.Read(hosts, []), Policy = policy ?? Baseline(), Settings = Settings, InputErrors = inputErrors ?? [],
        };
        if (!FleetView.IsFleet(request.Hosts.Count))
        {
            return Model(AuditRun.Whole(request), options);
        }

        var audited = new KeepHosts();
        var closing = AuditRun.Run(request, audited);
        return ReportModelBuilder.ForFleet(closing, audited.Hosts, options ?? Options);
    }

    /// <summary>The own report of each host of a fleet run (<c>hosts/NAME.pdf</c>, <c>.html</c>), as the fleet's sink builds them.</summary>
    public static IReadOnlyList<ReportModel> HostModels(IReadOnlyList<HostSnapshot> hosts, Policy policy)
    {
        var request = new AuditRequest { Hosts = AuditRequest.Read(hosts, []), Policy = policy, Settings = Settings, InputErrors = [] };
        var audited = new KeepHosts();
        var run = AuditRun.Run(request, audited) with { Hosts = [], Drift = null };
        var anchors = ReportModelBuilder.FleetAnchors(audited.Hosts.Select(h => h.Result.Host));
        return [.. audited.Hosts.Select(h => ReportModelBuilder.ForHost(run, h, anchors[h.Index], Options))];
    }

    /// <summary>A real ss row whose process name, and a host named after it, carry the payload.</summary>
    public static HostSnapshot Hostile(string payload) => Parse(
        "Netid State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n" +
        $"tcp   LISTEN 0      128          0.0.0.0:5432      0.0.0.0:*    users:((\"{payload}\",pid=666,fd=3))\n" +
        payload + "\n",
        payload + ".txt", payload);

    /// <summary>Every file a renderer writes, by name.</summary>
    public static Dictionary<string, byte[]> Render(IReportRenderer renderer, ReportModel model)
    {
        var files = new Dictionary<string, MemoryStream>();
        renderer.Render(model, name => files[name] = new MemoryStream());
        return files.ToDictionary(f => f.Key, f => f.Value.ToArray());
    }

    /// <summary>A sample under samples/, optionally under another host name or with its text changed (an untrusted process name).</summary>
    public static HostSnapshot Read(string sample, string? host = null, Func<string, string>? edit = null)
    {
        if (edit is not null)
        {
            return Parse(edit(File.ReadAllText(RepoPaths.Combine(sample))), sample, host);
        }

        var result = InputReader.ReadFile(RepoPaths.Combine(sample), new ListingOptions(sample, host));
        return result.Snapshot ?? throw new InvalidOperationException(string.Join("; ", result.Diagnostics));
    }

    /// <summary>Every listing under samples/, as the CLI would read the folder.</summary>
    public static IReadOnlyList<string> AllSamples() =>
        [.. Directory.EnumerateFiles(RepoPaths.Samples, "*.txt", SearchOption.AllDirectories).Select(RepoPaths.Relative)
            .Where(p => !p.StartsWith("samples/fleet/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

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
        AuditRun.Whole(hosts, policy ?? Baseline(), Settings, inputErrors: inputErrors);

    /// <summary>How the tests audit: on <see cref="Day"/>, failing on high.</summary>
    public static AuditSettings Settings { get; } = new(Day, Severity.High, "test");

    public static ReportModel Model(AuditResult result, ReportOptions? options = null) => ReportModelBuilder.Build(result, options ?? Options);

    public static string Html(ReportModel model, ReportOptions? options = null) =>
        Encoding.UTF8.GetString(Render(new HtmlRenderer(options ?? Options), model)["report.html"]);

    /// <summary>Keeps every host of a run as the audit left it.</summary>
    private sealed class KeepHosts : IAuditSink<HostAudit>
    {
        public List<HostAudit> Hosts { get; } = [];

        public void Start(AuditResult run)
        {
        }

        public HostAudit Prepare(HostAudit host) => host;

        public void Add(HostAudit host, HostAudit prepared) => Hosts.Add(prepared);

        public void Finish(AuditResult closing)
        {
        }
    }

    private static Policy Check(PolicyLoadResult loaded) =>
        loaded.Policy ?? throw new InvalidOperationException(string.Join("\n", loaded.Diagnostics));
}
