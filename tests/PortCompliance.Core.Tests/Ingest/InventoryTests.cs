using PortCompliance.Core.Audit;
using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;
using PortCompliance.Core.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Ingest;

/// <summary>The fleet inventory: tags feed policy groups, owners reach the results, missing hosts are named.</summary>
public sealed class InventoryTests
{
    private static readonly string Fixture = RepoPaths.Combine("tests", "PortCompliance.Core.Tests", "Ingest", "Fixtures", "hosts.csv");

    private static Inventory Load() => InventoryReader.Read(Fixture).Inventory!;

    private static AuditResult Audit(params HostSnapshot[] hosts) =>
        AuditRun.Whole(hosts, PolicyLoader.Load(PolicyLoader.BuiltInBaseline).Policy!, new AuditSettings(Audits.Day, Severity.High, "test") { Inventory = Load() });

    [Fact]
    public void Should_Let_A_Tag_Put_A_Host_In_A_Policy_Group()
    {
        var web = Samples.Read("samples/ss/ss-lntup-debian12-web.txt") with { Host = "frontend" };
        var untagged = web with { Host = "elsewhere" };

        var result = Audit(web, untagged);

        bool Flags80(string host) => result.Hosts.Single(h => h.Host == host).Findings.Any(f => f.Rule == RuleIds.ApprovedPorts && f.Port == 80);
        Assert.False(Flags80("frontend"));  // tag web: the baseline's web group approves 80 and 443
        Assert.True(Flags80("elsewhere"));
    }

    [Fact]
    public void Should_Carry_Owner_And_Environment_And_Name_Hosts_Not_Collected()
    {
        var result = Audit(Samples.Read("samples/ss/ss-lntup-debian12-web.txt") with { Host = "frontend" });

        var frontend = Assert.Single(result.Hosts);
        Assert.Equal(("Web team <web@example.com>", "production"), (frontend.Owner, frontend.Environment));
        Assert.Equal([new NotCollectedHost("db01", "DBA team", "production"), new NotCollectedHost("legacy01", "Ops", "staging")], result.NotCollected);
    }

    [Fact]
    public void Should_Name_A_Host_By_The_Pattern_Its_File_Matches()
    {
        var snapshot = Samples.Read("samples/ss/ss-lntup-debian12-db.txt");

        Assert.Equal("db01", Load().Assign(snapshot.Host, snapshot.Source));
        Assert.Equal("frontend", Load().Assign("frontend", snapshot.Source));
    }

    [Fact]
    public void Should_Report_Bad_Rows_With_Their_Line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pc-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "host,tags,owner,site\nweb01,web,a,x\n,db,b,y\nweb01,x,c,z\n");
        try
        {
            var (inventory, diagnostics) = InventoryReader.Read(path);

            Assert.Null(inventory);
            Assert.Equal(
                [$"{path}:1: warning: unknown column 'site' is ignored", $"{path}:3: error: a row without a host name",
                 $"{path}:4: error: host 'web01' is listed twice (first on line 2)"],
                diagnostics.Select(d => d.ToString()));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
