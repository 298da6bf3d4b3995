using PortCompliance.Reporting.Model;
using PortCompliance.Reporting.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Reporting.Tests.Model;

/// <summary>The November fleet (19 genuine listings): above the threshold a run gets the fleet tables instead of host sections.</summary>
public sealed class FleetReportTests
{
    private static readonly Lazy<IReadOnlyList<Core.Model.HostSnapshot>> November = new(() =>
        [.. Directory.EnumerateFiles(RepoPaths.Combine("samples", "fleet", "2026-11"), "*.txt").Order(StringComparer.Ordinal)
            .Select(p => Reports.Read(RepoPaths.Relative(p)))]);

    private static readonly Lazy<ReportModel> Fleet = new(() => Reports.Model(November.Value, Reports.PolicyFile("policies/examples/fleet.yaml")));

    [Fact]
    public void Should_Compare_The_Hosts_Of_A_Fleet()
    {
        var fleet = Fleet.Value.Fleet!;

        Assert.Equal(19, fleet.Hosts.Count);
        Assert.Contains(fleet.Hosts, h => h is { Host: "cache02", Status: "critical", PdfFile: "hosts/cache02.pdf", HtmlFile: "hosts/cache02.html" });
        Assert.All(fleet.Rules, r => Assert.InRange(r.CompliantPercent, 0, 100));
        var port6379 = fleet.Exposed.Ports.ToList().IndexOf("tcp/6379");
        Assert.True(fleet.Exposed.Rows.Single(r => r.Host == "cache02").Exposes[port6379]);   // rebound to 0.0.0.0
        Assert.False(fleet.Exposed.Rows.Single(r => r.Host == "cache01").Exposes[port6379]);  // still on loopback
        Assert.Contains(fleet.ExpiringSoon, w => w.Ticket == "SEC-1874");                      // expires 2026-12-15
        Assert.Equal("hosts/cache02.html", Fleet.Value.Summary.WorstHosts.First(h => h.Host == "cache02").Link);
    }

    [Fact]
    public void Should_Keep_A_Small_Run_In_One_Report()
    {
        var model = Reports.Of("samples/ss/ss-lntup-debian12-db.txt");

        Assert.Null(model.Fleet);
        Assert.Equal("#" + model.Hosts[0].Anchor, model.Summary.WorstHosts[0].Link);
    }

    [Fact]
    public void Should_Give_The_Summary_The_Whole_Register_And_Each_Host_The_Entries_That_Apply_To_It()
    {
        var policy = Reports.PolicyFile("policies/examples/fleet.yaml");
        var own = Reports.HostModels(November.Value, policy);
        var web01 = own.Single(m => m.Hosts[0].Host == "web01").Register;
        var legacy01 = own.Single(m => m.Hosts[0].Host == "legacy01").Register;

        Assert.Equal(policy.Register().Count, Fleet.Value.Register.Rows.Count);
        Assert.Contains("Every allowed port entry of policy 'fleet'", Fleet.Value.Register.Scope, StringComparison.Ordinal);
        Assert.Contains("The entries that apply to web01: the whole policy's, and those of the groups it is in (web). ", web01.Scope, StringComparison.Ordinal);
        Assert.Contains("fleet summary report holds the whole register", web01.Scope, StringComparison.Ordinal);
        Assert.All(web01.Rows, r => Assert.True(r.AppliesTo == "whole policy" || r.AppliesTo.StartsWith("group web ", StringComparison.Ordinal), r.AppliesTo));
        Assert.Contains(web01.Rows, r => r.Ports == "443");
        Assert.DoesNotContain(web01.Rows, r => r.Ports is "23" or "5432" or "3389");
        var telnet = Assert.Single(legacy01.Rows, r => r.Ports == "23");
        Assert.Equal((false, true, true), (telnet.Justification.Missing, telnet.ApprovedBy.Missing, telnet.ApprovedOn.Missing)); // its approval is pending
    }
}
