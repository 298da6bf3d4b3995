using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;
using PortCompliance.Core.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Policy;

/// <summary>Every problem in a policy is reported at once, as <c>file:line:col: message</c>.</summary>
public sealed class PolicyValidationTests
{
    private static string Fixture(string name) => RepoPaths.Relative(RepoPaths.Combine("tests", "PortCompliance.Core.Tests", "Policy", "Fixtures", name));

    private static IReadOnlyList<Diagnostic> Errors(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pc-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        try
        {
            var result = PolicyLoader.Load(path);
            Assert.Null(result.Policy);
            return result.Diagnostics;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Should_Report_Every_Mistake_With_File_Line_And_Column()
    {
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = RepoPaths.Root;
        try
        {
            var result = PolicyLoader.Load(Fixture("every-mistake.yaml"));

            Assert.Null(result.Policy);
            Snapshot.Match(string.Join("\n", result.Diagnostics) + "\n", RepoPaths.Combine("tests", "PortCompliance.Core.Tests", "Policy", "Golden", "every-mistake.txt"));
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    [Fact]
    public void Should_Suggest_The_Key_A_Typo_Meant()
    {
        var error = Assert.Single(Errors("policy: p\nrules:\n  approved-ports:\n    severty: high\n    tcp: [22]\n"));

        Assert.EndsWith(":4:5: error: unknown key 'severty' in rule 'approved-ports'; did you mean 'severity'? (allowed: enabled, severity, controls, tcp, udp)", error.ToString());
    }

    [Fact]
    public void Should_Refuse_Deep_Nesting_Before_YamlDotNet_Recurses()
    {
        var deep = "policy: p\ntitle: " + new string('[', 6000) + new string(']', 6000) + "\n";

        Assert.Contains("nesting deeper than 64 levels", Assert.Single(Errors(deep)).Message);
    }

    [Fact]
    public void Should_Refuse_Deep_Block_Nesting()
    {
        var deep = "policy: p\nrules:\n" + string.Concat(Enumerable.Range(0, 80).Select(i => new string(' ', 2 * (i + 1)) + $"k{i}:\n"));

        Assert.Contains(Errors(deep), d => d.Message.Contains("nesting deeper than 64 levels"));
    }

    [Fact]
    public void Should_Refuse_Aliases_So_No_Alias_Bomb_Expands()
    {
        const string bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n";

        var error = Assert.Single(Errors(bomb));
        Assert.Equal((2, 8), (error.Line, error.Column));
        Assert.Contains("aliases (*name) are not allowed", error.Message);
    }

    [Fact]
    public void Should_Refuse_A_Huge_File_Before_Reading_It()
    {
        Assert.Contains("larger than 1024 KiB", Assert.Single(Errors("policy: p\n#" + new string('x', 1 << 21))).Message);
    }

    [Fact]
    public void Should_Refuse_A_Second_Document()
    {
        Assert.Contains("one YAML document", Assert.Single(Errors("policy: a\n---\npolicy: b\n")).Message);
    }

    [Fact]
    public void Should_Report_Broken_Yaml_Where_It_Breaks()
    {
        var error = Assert.Single(Errors("policy: p\nrules:\n  approved-ports: { tcp: [22 }\n"));

        Assert.Equal(3, error.Line);
        Assert.StartsWith("invalid YAML", error.Message);
    }

    [Fact]
    public void Should_Report_Yaml_YamlDotNet_Cannot_Scan_At_The_Last_Place_It_Read()
    {
        // YamlDotNet 16 throws InvalidOperationException, not YamlException, on a plain key followed by a quoted one
        // on the next line inside { }.
        var yaml = "policy: web\ntitle: Web servers\nrules: { approved-ports: { tcp: [22, 80] }, wildcard-bind\n\"enabled\": false }\n";

        var error = Assert.Single(Errors(yaml));

        Assert.Equal((3, 42), (error.Line, error.Column));
        Assert.StartsWith("invalid YAML: cannot be read past this point", error.Message);
    }

    [Fact]
    public void Should_Report_An_Empty_File()
    {
        Assert.Contains("empty", Assert.Single(Errors("# nothing here\n")).Message);
    }

    [Fact]
    public void Should_Name_A_Missing_Policy_File()
    {
        var result = PolicyLoader.Load("/nonexistent/policy.yaml");

        Assert.Equal("/nonexistent/policy.yaml: error: no such file", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void Should_Accept_A_Group_Matched_By_Os_And_Name_An_Os_It_Does_Not_Know()
    {
        static string Group(string os) =>
            $"policy: p\ntitle: t\nrules: {{}}\ngroups:\n  - name: servers\n    match: {{ os: {os} }}\n    rules: {{ approved-ports: {{ tcp: [3389] }} }}\n";
        var windows = Audits.Policy(Group("[windows, macos]"));

        Assert.Equal([HostOs.Windows, HostOs.MacOs], Assert.Single(windows.Groups).Systems);
        Assert.True(windows.Groups[0].Matches("anyhost", [], HostOs.Windows));
        Assert.False(windows.Groups[0].Matches("anyhost", [], HostOs.Linux));
        var error = Assert.Single(Errors(Group("beos")));
        Assert.Contains(":6:", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("unknown os 'beos' (one of: linux, windows, macos, freebsd, openbsd)", error.Message, StringComparison.Ordinal);
    }
}
