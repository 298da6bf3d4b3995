using PortCompliance.Core.Audit;
using System.Text;
using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;
using PortCompliance.Core.Tests.Support;

namespace PortCompliance.Core.Tests.Evaluation;

/// <summary>Drift between two real captures of one host, keyed on protocol and port, never on pid.</summary>
public sealed class DriftTests
{
    private static AuditResult Audit(params (string Host, string Text)[] hosts) => Audit(null, hosts);

    /// <summary>The hosts audited as one run; with a baseline, its drift is what the run compared.</summary>
    private static AuditResult Audit(AuditResult? baseline, params (string Host, string Text)[] hosts) =>
        AuditRun.Whole(
            [.. hosts.Select(h => ListingReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(h.Text)), new ListingOptions(h.Host + ".txt", Host: h.Host)).Snapshot!)],
            PolicyLoader.Load(PolicyLoader.BuiltInBaseline).Policy!, new AuditSettings(Audits.Day, Severity.High, "test"), baseline: baseline);

    private static DriftReport Compare(AuditResult baseline, params (string Host, string Text)[] hosts) => Audit(baseline, hosts).Drift!;

    private static string Db => Samples.Text("samples/ss/ss-lntup-debian12-db.txt");

    private static string Web => Samples.Text("samples/ss/ss-lntup-debian12-web.txt");

    [Fact]
    public void Should_Name_Listeners_Opened_Between_Two_Months()
    {
        var drift = Compare(Audit(("box", Web)), ("box", Db));
        var box = Assert.Single(drift.Hosts);

        Assert.Equal(HostDriftStatus.Changed, box.Status);
        Assert.Contains(box.Listeners, c => c is { Change: DriftChange.Opened, Proto: Protocol.Tcp, Port: 5432, After: "0.0.0.0, ::" });
        Assert.Contains(box.Listeners, c => c is { Change: DriftChange.Opened, Port: 6379 });
        Assert.Contains(box.Findings, f => f is { Change: DriftChange.New, Rule: "loopback-only", Where: "TCP 0.0.0.0:5432" });
        Assert.DoesNotContain(box.Listeners, c => c.Port == 22); // sshd restarted with other pids: not a change
    }

    [Fact]
    public void Should_Call_A_Loopback_Service_Moved_To_The_Wildcard_Rebound()
    {
        var rebound = Db.Replace("127.0.0.1:6379 ", "  0.0.0.0:6379 ", StringComparison.Ordinal);
        var drift = Compare(Audit(("box", Db)), ("box", rebound));

        var change = Assert.Single(Assert.Single(drift.Hosts).Listeners);
        Assert.Equal(new ListenerChange(DriftChange.Rebound, Protocol.Tcp, 6379, "127.0.0.1, ::1", "0.0.0.0, ::1"), change);
        Assert.Contains(drift.Hosts[0].Findings, f => f is { Change: DriftChange.New, Rule: "loopback-only", Where: "TCP 0.0.0.0:6379" });
    }

    [Fact]
    public void Should_Not_Count_Owners_Hidden_By_A_Non_Root_Capture_As_Changed()
    {
        var drift = Compare(Audit(("box", Db)), ("box", Samples.Text("samples/ss/ss-lntup-nonroot-debian12-db.txt")));

        Assert.DoesNotContain(drift.Hosts[0].Listeners, c => c.Change == DriftChange.OwnerChanged);
        Assert.Contains(drift.Hosts[0].Findings, f => f is { Change: DriftChange.New, Rule: "unknown-process" });
    }

    [Fact]
    public void Should_Name_New_And_Disappeared_Hosts()
    {
        var drift = Compare(Audit(("web01", Web), ("db01", Db)), ("web01", Web), ("db02", Db));

        Assert.Equal([HostDriftStatus.Unchanged, HostDriftStatus.NewHost], drift.Hosts.Select(h => h.Status));
        Assert.Equal(["db01"], drift.Disappeared);
    }
}
