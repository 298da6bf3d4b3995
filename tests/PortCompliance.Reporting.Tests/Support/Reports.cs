using System.Text;
using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Reporting.Tests.Support;

/// <summary>Report models built the way <c>audit</c> builds them, from real samples, on a fixed day.</summary>
internal static class Reports
{
    public static readonly DateTimeOffset Day = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The hostile strings every format must render as inert text.</summary>
    public static readonly string[] Payloads = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "=HYPERLINK(\"http://x\")"];

    public static ReportModel Of(params string[] samples) => Of(samples.Select(Read).ToList(), null);

    public static ReportModel Of(IReadOnlyList<HostSnapshot> hosts, string? policyYaml)
    {
        var policy = policyYaml is null ? PolicyLoader.Load(PolicyLoader.BuiltInBaseline).Policy! : Policy(policyYaml);
        var result = Auditor.Audit(hosts, [], policy, ServiceCatalogue.BuiltIn, new AuditSettings(Day, Severity.High, "test"));
        return ReportModelBuilder.Build(result, new ReportOptions { Organisation = "Example Corp" });
    }

    public static HostSnapshot Read(string sample) =>
        InputReader.ReadFile(RepoPaths.Combine(sample), new ListingOptions(sample)).Snapshot!;

    /// <summary>A real ss row whose process name, and a host named after it, carry each payload.</summary>
    public static HostSnapshot Hostile(string payload)
    {
        var listing = "Netid State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n" +
                      $"tcp   LISTEN 0      128          0.0.0.0:5432      0.0.0.0:*    users:((\"{payload}\",pid=666,fd=3))\n" +
                      payload + "\n";
        return ListingReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(listing)), new ListingOptions(payload + ".txt", Host: payload)).Snapshot!;
    }

    public static Dictionary<string, byte[]> Render(IReportRenderer renderer, ReportModel model)
    {
        var files = new Dictionary<string, MemoryStream>();
        renderer.Render(model, name => files[name] = new MemoryStream());
        return files.ToDictionary(f => f.Key, f => f.Value.ToArray());
    }

    private static Core.Policy.Policy Policy(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pc-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        try
        {
            return PolicyLoader.Load(path).Policy ?? throw new InvalidOperationException("test policy is invalid");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
