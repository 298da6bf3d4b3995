using PortCompliance.Core.Audit;
using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;
using PortCompliance.Core.Tests.Support;

namespace PortCompliance.Core.Tests.Evaluation;

/// <summary>The approved services register travels with the run, and each host says which groups' entries apply to it.</summary>
public sealed class RegisterTests
{
    private static readonly Core.Policy.Policy Baseline = PolicyLoader.Load(PolicyLoader.BuiltInBaseline).Policy!;

    [Fact]
    public void Should_Name_The_Groups_Each_Host_Matched()
    {
        var run = AuditRun.Whole(
            [Samples.Read("samples/ss/ss-lntup-debian12-web.txt"), Samples.Read("samples/ss/ss-lntup-debian12-db.txt"),
             Samples.Read("samples/windows-netstat/netstat-ano-zh-cn-billfeller-issue174-excerpt.txt")],
            Baseline, new AuditSettings(Audits.Day, Severity.High, "test"));

        Assert.Equal(["web"], run.Hosts[0].Groups.Select(g => g.Name));
        Assert.Empty(run.Hosts[1].Groups);
        Assert.Equal(["windows"], run.Hosts[2].Groups.Select(g => g.Name));
        Assert.Equal(Baseline.Groups.Single(g => g.Name == "web").Info, run.Hosts[0].Groups[0]);
    }

    [Fact]
    public void Should_Carry_The_Policys_Register_But_Leave_It_Out_Of_Results_Json()
    {
        var run = AuditRun.Whole([Samples.Read("samples/ss/ss-lntup-debian12-db.txt")], Baseline, new AuditSettings(Audits.Day, Severity.High, "test"));

        Assert.Equal(Baseline.Register(), run.Policy.ApprovedServices);
        Assert.Contains(run.Policy.ApprovedServices, e => e is { Proto: Protocol.Tcp, From: 22, Group: null, Approval.Justification: "SSH: how the host is administered" });
        Assert.Contains(run.Policy.ApprovedServices, e => e is { From: 49664, To: 49669, Group.Name: "windows" });
        var json = ResultsJson.Serialize(run);
        Assert.DoesNotContain("approved_services", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"groups\"", json, StringComparison.Ordinal);
    }
}
