using System.Globalization;

namespace PortCompliance.Cli.Tests;

/// <summary>The first-time user's path: <c>policy init</c>, an edit with a typo, <c>policy validate</c>.</summary>
public sealed class PolicyCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pc-policy");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Should_Write_A_Starter_That_Validates_Then_Point_At_A_Typo()
    {
        var path = Path.Combine(_folder.FullName, "mine.yaml");

        Assert.Equal(0, CliRun.Of("policy", "init", path).ExitCode);
        var ok = CliRun.Of("policy", "validate", path);
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("ok — policy 'my-servers'", ok.Out);

        var lines = File.ReadAllLines(path);
        var at = Array.FindIndex(lines, l => l.Trim() == "severity: high");
        lines[at] = lines[at].Replace("severity", "severty", StringComparison.Ordinal);
        File.WriteAllLines(path, lines);
        var bad = CliRun.Of("policy", "validate", path);

        Assert.Equal(2, bad.ExitCode);
        Assert.Contains($"{path}:{at + 1}:5: error: unknown key 'severty'", bad.Error);
        Assert.Contains("did you mean 'severity'?", bad.Error);
    }

    [Fact]
    public void Should_Not_Overwrite_A_Policy_Without_Force()
    {
        var path = Path.Combine(_folder.FullName, "mine.yaml");
        File.WriteAllText(path, "policy: keep\n");

        Assert.Equal(2, CliRun.Of("policy", "init", path).ExitCode);
        Assert.Equal("policy: keep\n", File.ReadAllText(path));
        Assert.Equal(0, CliRun.Of("policy", "init", path, "--force").ExitCode);
    }

    [Fact]
    public void Should_Print_The_Starter_Without_A_File()
    {
        Assert.Contains("extends: [builtin:baseline]", CliRun.Of("policy", "init").Out);
    }

    [Fact]
    public void Should_Validate_Every_Shipped_Policy()
    {
        var run = CliRun.Of("policy", "validate", "policies/baseline.yaml", "policies/examples/bastion.yaml",
            "policies/examples/web-server.yaml", "policies/examples/database-server.yaml");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(4, run.Out.Split('\n').Count(l => l.Contains(": ok — ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("policy validate {0}")]
    [InlineData("audit samples/ss/ss-lntup-debian12-db.txt --policy {0} --out {1}")]
    public void Should_Report_Yaml_YamlDotNet_Cannot_Scan_As_File_Line_Column(string line)
    {
        // YamlDotNet 16 throws InvalidOperationException on this, not YamlException: a plain key, then a quoted one on
        // the next line inside { }.
        var path = Path.Combine(_folder.FullName, "broken.yaml");
        File.WriteAllText(path, "policy: web\ntitle: Web servers\nrules: { approved-ports: { tcp: [22, 80] }, wildcard-bind\n\"enabled\": false }\n");

        var run = CliRun.Of(string.Format(CultureInfo.InvariantCulture, line, path, Path.Combine(_folder.FullName, "reports")).Split(' '));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{path}:3:42: error: invalid YAML: cannot be read past this point", run.Error);
        Assert.DoesNotContain("internal error", run.Error);
    }
}
