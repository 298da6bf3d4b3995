namespace PortCompliance.Cli.Tests;

/// <summary><c>audit --formats html</c>, with the built-in templates and with a customised <c>--templates</c> folder.</summary>
public sealed class HtmlReportCommandTests : IDisposable
{
    private readonly DirectoryInfo _out = Directory.CreateTempSubdirectory("pc-html");
    private readonly DirectoryInfo _templates = Directory.CreateTempSubdirectory("pc-html-templates");

    public void Dispose()
    {
        _out.Delete(recursive: true);
        _templates.Delete(recursive: true);
    }

    private string Report => Path.Combine(_out.FullName, "report.html");

    private string WriteTemplate(string name, string text)
    {
        var path = Path.Combine(_templates.FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Should_Write_A_Self_Contained_Report_Html_With_The_Organisation_On_The_Cover()
    {
        var run = CliRun.Of("audit", "samples/ss/ss-lntup-debian12-db.txt", "--formats", "html", "--org", "Example Corp", "--out", _out.FullName);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"Wrote {Report}", run.Out);
        var html = File.ReadAllText(Report);
        Assert.Contains("<p class=\"eyebrow\">Example Corp · Report", html);
        Assert.Contains("Content-Security-Policy", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
    }

    [Fact]
    public void Should_Render_From_A_Customised_Templates_Folder()
    {
        WriteTemplate("partials/signoff.sbn", "<section id=\"sign-off\"><p>Signed off by the ACME audit board</p></section>\n");

        var run = CliRun.Of("audit", "samples/ss/ss-lntup-debian12-db.txt", "--formats", "html", "--templates", _templates.FullName, "--out", _out.FullName);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Signed off by the ACME audit board", File.ReadAllText(Report));
    }

    [Fact]
    public void Should_Exit_2_Naming_The_Broken_Template_Without_A_Stack_Trace()
    {
        var path = WriteTemplate("partials/finding.sbn", "<article>\n{{ for step in Steps }}\n</article>\n");

        var run = CliRun.Of("audit", "samples/ss/ss-lntup-debian12-db.txt", "--formats", "html,json", "--templates", _templates.FullName, "--out", _out.FullName);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"portcompliance: the html report could not be written: {path}:2:", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.False(File.Exists(Report));
        Assert.True(File.Exists(Path.Combine(_out.FullName, "results.json")));
    }
}
