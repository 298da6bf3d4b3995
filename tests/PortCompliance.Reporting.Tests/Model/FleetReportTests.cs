using PortCompliance.Reporting.Model;
using PortCompliance.Reporting.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Reporting.Tests.Model;

/// <summary>The November fleet (19 genuine listings): above the threshold a run gets the fleet tables instead of host sections.</summary>
public sealed class FleetReportTests
{
    private static readonly Lazy<ReportModel> Fleet = new(() =>
    {
        var hosts = Directory.EnumerateFiles(RepoPaths.Combine("samples", "fleet", "2026-11"), "*.txt").Order(StringComparer.Ordinal)
            .Select(p => Reports.Read(RepoPaths.Relative(p))).ToList();
        return Reports.Model(hosts, Reports.PolicyFile("policies/examples/fleet.yaml"));
    });

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
}
