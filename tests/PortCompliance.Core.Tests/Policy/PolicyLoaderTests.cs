using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Policy;

/// <summary>The shipped policies load, and <c>extends</c> and groups mean what the docs say.</summary>
public sealed class PolicyLoaderTests
{
    public static TheoryData<string> Shipped => new(
        Directory.EnumerateFiles(RepoPaths.Combine("policies"), "*.yaml", SearchOption.AllDirectories)
            .Where(p => Path.GetFileName(p) != "services.yaml")
            .Select(RepoPaths.Relative)
            .Order(StringComparer.Ordinal));

    private static Core.Policy.Policy Load(string path)
    {
        var result = PolicyLoader.Load(RepoPaths.Combine(path));
        Assert.True(result.Policy is not null, string.Join("\n", result.Diagnostics));
        return result.Policy!;
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Should_Load_Every_Shipped_Policy_Without_A_Problem(string path)
    {
        var result = PolicyLoader.Load(RepoPaths.Combine(path));

        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Policy);
    }

    [Fact]
    public void Should_Use_The_Same_Baseline_Built_In_And_On_Disk()
    {
        var builtIn = PolicyLoader.Load(PolicyLoader.BuiltInBaseline).Policy!;
        var onDisk = Load("policies/baseline.yaml");

        Assert.Equal(onDisk.Sources[0].Sha256, builtIn.Sources[0].Sha256);
        Assert.Equal(onDisk.Sha256, builtIn.Sha256);
        Assert.Equal("baseline", builtIn.Id);
    }

    [Fact]
    public void Should_Let_An_Extending_Policy_Narrow_A_List_And_Raise_A_Severity()
    {
        var bastion = Load("policies/examples/bastion.yaml");

        Assert.Equal([new PortRange(Protocol.Tcp, 22, 22)], bastion.Rules.ApprovedPorts.Select(p => p.Ports));
        Assert.Equal(Severity.Critical, bastion.Rules.Settings[RuleIds.ApprovedPorts].Severity);
        Assert.Equal(Severity.High, bastion.Rules.Settings[RuleIds.UnknownProcess].Severity);
        Assert.NotEmpty(bastion.Rules.LoopbackOnly); // inherited untouched
        Assert.Equal(2, bastion.Sources.Count);
        Assert.EndsWith("baseline.yaml", bastion.Sources[1].Path);
    }

    [Fact]
    public void Should_Inherit_Controls_From_The_Baseline()
    {
        var web = Load("policies/examples/web-server.yaml");

        Assert.Contains("PCI DSS v4.0.1 1.2.5", web.Rules.Settings[RuleIds.ApprovedPorts].Controls);
    }

    [Fact]
    public void Should_Add_Group_Lists_To_The_Base_Rules_For_Matching_Hosts()
    {
        var baseline = Load("policies/baseline.yaml");
        var web = Assert.Single(baseline.Groups, g => g.Name == "web");

        Assert.True(web.Matches("web01", [], HostOs.Linux));
        Assert.True(web.Matches("ss-lntup-debian12-web", [], HostOs.Linux));
        Assert.True(web.Matches("frontend", ["web"], HostOs.Linux));
        Assert.False(web.Matches("db01", [], HostOs.Linux));
        Assert.Equal([22, 68, 80, 443], baseline.Rules.With(web.Rules).ApprovedPorts.Select(p => p.Ports.From));
    }

    [Fact]
    public void Should_Resolve_Catalogue_Services_In_Loopback_Only()
    {
        var baseline = Load("policies/baseline.yaml");
        var postgres = Assert.Single(baseline.Rules.LoopbackOnly, s => s.CatalogueId == "postgresql");

        Assert.Contains("postgres", postgres.Processes);
        Assert.Contains(new PortRange(Protocol.Tcp, 5432, 5432), postgres.Ports);
    }

    [Fact]
    public void Should_Hash_All_Files_So_A_Change_In_A_Parent_Changes_The_Policy_Hash()
    {
        var folder = Directory.CreateTempSubdirectory("pc-policy");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "child.yaml"), "policy: child\nextends: [parent.yaml]\n");
            File.WriteAllText(Path.Combine(folder.FullName, "parent.yaml"), "rules:\n  approved-ports: { tcp: [22] }\n");
            var before = PolicyLoader.Load(Path.Combine(folder.FullName, "child.yaml")).Policy!;
            File.WriteAllText(Path.Combine(folder.FullName, "parent.yaml"), "rules:\n  approved-ports: { tcp: [22, 80] }\n");
            var after = PolicyLoader.Load(Path.Combine(folder.FullName, "child.yaml")).Policy!;

            Assert.Equal(before.Sources[0].Sha256, after.Sources[0].Sha256);
            Assert.NotEqual(before.Sha256, after.Sha256);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Should_Run_Only_The_Policy_Rules_A_Policy_Configures()
    {
        var folder = Directory.CreateTempSubdirectory("pc-policy");
        try
        {
            var path = Path.Combine(folder.FullName, "p.yaml");
            File.WriteAllText(path, "policy: p\nrules:\n  forbidden-ports: { ports: [ { port: 23, reason: telnet } ] }\n  unknown-process: { enabled: false }\n");
            var settings = PolicyLoader.Load(path).Policy!.Rules.Settings;

            Assert.Equal(
                new[] { RuleIds.ForbiddenPorts, RuleIds.UnparsedInput, RuleIds.WaiverExpired, RuleIds.UnexplainedOpenPort, RuleIds.EmptyInput }.Order(StringComparer.Ordinal),
                settings.Where(s => s.Value.Enabled).Select(s => s.Key).Order(StringComparer.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
