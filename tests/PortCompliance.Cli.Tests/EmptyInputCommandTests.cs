using System.Text.Json;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Cli.Tests;

/// <summary>Issue 13, item 2, end to end: an empty collection fails the audit; a host only scanned from outside does not.</summary>
public sealed class EmptyInputCommandTests : IDisposable
{
    private readonly DirectoryInfo _out = Directory.CreateTempSubdirectory("pc-empty");

    public void Dispose() => _out.Delete(recursive: true);

    [Fact]
    public void Should_Exit_1_With_An_Empty_Input_Finding_For_An_Empty_File()
    {
        var input = Path.Combine(_out.FullName, "db01.ss.txt");
        File.WriteAllText(input, "");

        var run = CliRun.Of("audit", input, "--out", Path.Combine(_out.FullName, "reports"), "--formats", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Verdict: FAIL", run.Out);
        var finding = SingleFinding(Path.Combine(_out.FullName, "reports", "results.json"));
        Assert.Equal("empty-input", finding.GetProperty("rule").GetString());
        Assert.Equal("high", finding.GetProperty("severity").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\n")]
    public void Should_Exit_1_With_An_Empty_Input_Finding_For_Empty_Stdin(string stdin)
    {
        var run = CliRun.WithStdin(stdin, "audit", "-", "--host", "db01", "--out", _out.FullName, "--formats", "json");

        Assert.Equal(1, run.ExitCode);
        var finding = SingleFinding(Path.Combine(_out.FullName, "results.json"));
        Assert.Equal("empty-input", finding.GetProperty("rule").GetString());
        Assert.Contains("Standard input holds no listing", finding.GetProperty("message").GetString());
    }

    [Fact]
    public void Should_Exit_0_For_A_Genuine_Header_With_No_Rows()
    {
        var input = Path.Combine(_out.FullName, "db01.ss.txt");
        File.WriteAllText(input, File.ReadLines(RepoPaths.Combine("samples/ss/ss-lntup-debian12-db.txt")).First() + "\n");

        var run = CliRun.Of("audit", input, "--out", Path.Combine(_out.FullName, "reports"), "--formats", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out.FullName, "reports", "results.json")));
        var host = json.RootElement.GetProperty("hosts")[0];
        Assert.Empty(host.GetProperty("findings").EnumerateArray());
        Assert.Empty(host.GetProperty("sockets").EnumerateArray());
    }

    [Fact]
    public void Should_Not_Flag_A_Host_Only_Scanned_From_Outside_As_Empty_Input()
    {
        CliRun.Of("audit", "samples/nmap/ss-lntup-debian12-db.nmap.xml", "--out", _out.FullName, "--formats", "json");

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out.FullName, "results.json")));
        var host = json.RootElement.GetProperty("hosts")[0];
        Assert.Equal("nmap", host.GetProperty("format").GetString());
        Assert.NotEmpty(host.GetProperty("findings").EnumerateArray());
        Assert.DoesNotContain(host.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "empty-input");
    }

    private static JsonElement SingleFinding(string results)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(results));
        return Assert.Single(json.RootElement.GetProperty("hosts")[0].GetProperty("findings").EnumerateArray()).Clone();
    }
}
