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
        Assert.DoesNotContain("warning", ok.Error); // the starter records every approval it shows

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
        Assert.DoesNotContain("warning", run.Error);
    }

    [Fact]
    public void Should_Warn_About_Missing_Justifications_And_A_Self_Approved_Waiver_And_Still_Pass()
    {
        var path = Path.Combine(_folder.FullName, "gaps.yaml");
        File.WriteAllText(path,
            "policy: gaps\nextends: [builtin:baseline]\nrules:\n  approved-ports:\n" +
            "    tcp: [22, { port: 9100, approved_by: Dana Whitfield, approved_on: 2026-03-01 }]\n" +
            "    udp: [{ port: 68, justification: DHCP client }]\n" +
            "waivers:\n  - { rule: approved-ports, hosts: [legacy01], proto: tcp, port: 8080, reason: Vendor console, ticket: SEC-142,\n" +
            "      expires: 2099-12-31, owner: Marc Oyelaran, approved_by: marc oyelaran }\n");

        var run = CliRun.Of("policy", "validate", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(": ok — policy 'gaps'", run.Out);
        Assert.Equal(
            [
                $"{path}:5:11: warning: approved-ports: tcp/22 has no justification; record why it is allowed and who approved it (PCI DSS 1.2.5): " +
                "{ port: 22, justification: \"…\", approved_by: \"…\", approved_on: YYYY-MM-DD }",
                $"{path}:5:15: warning: approved-ports: tcp/9100 has no justification; record why it is allowed and who approved it (PCI DSS 1.2.5): " +
                "{ port: 9100, justification: \"…\", approved_by: \"…\", approved_on: YYYY-MM-DD }",
                $"{path}:8:5: warning: waiver SEC-142 is approved by its own owner (Marc Oyelaran); separation of duties asks for another approver",
            ],
            run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Should_Name_A_Bad_Approval_Date_And_Fail()
    {
        var path = Path.Combine(_folder.FullName, "date.yaml");
        File.WriteAllText(path, "policy: date\nrules:\n  approved-ports:\n    tcp:\n      - { port: 22, justification: SSH, approved_on: 03/01/2026 }\n");

        var run = CliRun.Of("policy", "validate", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{path}:5:54: error: approved_on must be a date written YYYY-MM-DD, not '03/01/2026'", run.Error);
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
