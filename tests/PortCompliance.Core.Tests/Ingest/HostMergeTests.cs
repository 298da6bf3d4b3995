using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;
using PortCompliance.Core.Tests.Support;

namespace PortCompliance.Core.Tests.Ingest;

/// <summary>Two real listings of one host become one snapshot that still knows which file said what.</summary>
public sealed class HostMergeTests
{
    private static HostSnapshot Read(string sample) => Samples.Read(sample) with { Host = "db01" };

    [Fact]
    public void Should_Count_A_Socket_Seen_Twice_Once_And_Keep_The_Reading_With_Its_Owner()
    {
        var merged = Assert.Single(HostMerge.ByHost([
            Read("samples/ss/ss-lntup-nonroot-debian12-db.txt"), Read("samples/ss/ss-lntup-debian12-db.txt")]));

        Assert.Equal(40, merged.Sockets.Count);
        Assert.Equal("postgres", Assert.Single(merged.Sockets, s => s.Address == "0.0.0.0" && s.Port == 5432).Processes[0].Name);
        Assert.Equal([new InputFileRef("samples/ss/ss-lntup-debian12-db.txt", Samples.Read("samples/ss/ss-lntup-debian12-db.txt").Sha256)], merged.MergedFrom);
    }

    [Fact]
    public void Should_Point_Evidence_At_The_File_A_Socket_Came_From()
    {
        var merged = HostMerge.ByHost([Read("samples/ss/ss-lntup-debian12-db.txt"), Read("samples/ss/ss-lntup-debian12-mariadb.txt")]);
        var result = Auditor.Evaluate(Assert.Single(merged), PolicyLoader.Load(PolicyLoader.BuiltInBaseline).Policy!, ServiceCatalogue.BuiltIn,
            new AuditSettings(Audits.Day, Severity.High, "test"));

        var mariadb = Assert.Single(result.Findings, f => f.Rule == RuleIds.LoopbackOnly && f.Port == 3306);
        Assert.Equal("samples/ss/ss-lntup-debian12-mariadb.txt", mariadb.Evidence!.Source);
        Assert.Contains("3306", mariadb.Evidence.Text);
        Assert.Equal("samples/ss/ss-lntup-debian12-db.txt", result.Findings.First(f => f.Port == 5432).Evidence!.Source);
    }

    [Fact]
    public void Should_Leave_Hosts_With_One_Input_As_They_Are()
    {
        var web = Samples.Read("samples/ss/ss-lntup-debian12-web.txt");

        Assert.Same(web, Assert.Single(HostMerge.ByHost([web])));
    }
}
