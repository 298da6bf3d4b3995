using System.Text.Json;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Cli.Tests;

/// <summary><c>portcompliance parse</c> as a user runs it: real samples, stdin, bad input, exit codes.</summary>
public sealed class ParseCommandTests
{
    private const string Db = "samples/ss/ss-lntup-debian12-db.txt";

    [Fact]
    public void Should_Print_The_Contract_Json_For_A_Sample()
    {
        var run = CliRun.Of("parse", Db, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var host = Assert.Single(json.RootElement.GetProperty("hosts").EnumerateArray());
        Assert.Equal(
            ["host", "format", "os", "source", "sha256", "sockets", "skipped", "unparsed"],
            host.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["proto", "family", "address", "port", "interface", "scope", "processes", "line"],
            host.GetProperty("sockets")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("ss-lntup-debian12-db", host.GetProperty("host").GetString());
        Assert.Equal(Db, host.GetProperty("source").GetString());
    }

    [Fact]
    public void Should_Read_A_Folder_Recursively_And_Say_Which_Files_It_Ignored()
    {
        var run = CliRun.Of("parse", "samples", "--format", "json");

        using var json = JsonDocument.Parse(run.Out);
        var sources = json.RootElement.GetProperty("hosts").EnumerateArray().Select(h => h.GetProperty("source").GetString()).ToList();
        Assert.Contains("samples/docs/seed000-ss-lntup.txt", sources);
        Assert.Contains("samples/netstat/netstat-plunt-debian12-db.txt", sources);
        Assert.Equal(sources.Order(StringComparer.Ordinal), sources);
        Assert.Contains("samples: warning: ignored", run.Error);
        Assert.Contains("README.md", run.Error);
    }

    [Fact]
    public void Should_Name_File_And_Line_Of_Every_Unparsed_Line()
    {
        var run = CliRun.Of("parse", "samples/ss/ss-lntup-pasted-with-prompt.txt");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"samples/ss/ss-lntup-pasted-with-prompt\.txt:1: unparsed: not an ss row: root@db01:~# ss -lntup", run.Error);
    }

    [Fact]
    public void Should_Read_Stdin_Under_The_Given_Host_Name()
    {
        var run = CliRun.WithStdin(File.ReadAllText(RepoPaths.Combine(Db)), "parse", "-", "--host", "db01", "--format", "json");

        using var json = JsonDocument.Parse(run.Out);
        var host = Assert.Single(json.RootElement.GetProperty("hosts").EnumerateArray());
        Assert.Equal(("db01", "-"), (host.GetProperty("host").GetString(), host.GetProperty("source").GetString()));
        Assert.True(host.GetProperty("sockets").GetArrayLength() > 30);
    }

    [Fact]
    public void Should_Print_A_Table_With_Every_Socket_And_A_Summary()
    {
        var run = CliRun.Of("parse", Db);
        var lines = run.Out.Split('\n');

        Assert.StartsWith("HOST", lines[0]);
        Assert.Contains(lines, l => l.Contains("my app (v2/7514", StringComparison.Ordinal));
        Assert.Contains("ss-lntup-debian12-db: 40 listening, 0 skipped, 0 unparsed (ss on Linux, " + Db, run.Out);
    }

    [Fact]
    public void Should_Exit_2_When_No_Input_Can_Be_Read()
    {
        var run = CliRun.Of("parse", "no/such/file.txt");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no/such/file.txt: error: no such file or folder", run.Error);
        Assert.Contains("no input could be read", run.Error);
    }

    [Fact]
    public void Should_Go_On_Past_A_Bad_File()
    {
        var run = CliRun.Of("parse", "no/such/file.txt", Db, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("no/such/file.txt: error", run.Error);
        Assert.Contains("\"ss-lntup-debian12-db\"", run.Out);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--input-format", "ipconfig")]
    public void Should_Exit_2_And_List_The_Choices_For_A_Bad_Option_Value(string option, string value)
    {
        var run = CliRun.Of("parse", Db, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"'{value}'", run.Error);
        Assert.Contains("--help", run.Error);
    }

    [Fact]
    public void Should_Refuse_One_Host_Name_For_Many_Inputs()
    {
        var run = CliRun.Of("parse", "samples/ss", "--host", "web01");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--host names one host", run.Error);
    }

    [Fact]
    public void Should_Exit_2_Without_Inputs()
    {
        Assert.Equal(2, CliRun.Of("parse").ExitCode);
    }
}
