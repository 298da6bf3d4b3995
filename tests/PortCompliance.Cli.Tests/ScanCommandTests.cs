using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace PortCompliance.Cli.Tests;

/// <summary><c>portcompliance scan</c> and live <c>audit</c>, as root (CI runs as root) and as an unprivileged user.</summary>
public sealed class ScanCommandTests : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly DirectoryInfo _out = Directory.CreateTempSubdirectory("pc-scan");

    public ScanCommandTests()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen();
    }

    private int Port => ((IPEndPoint)_listener.LocalEndPoint!).Port;

    public void Dispose()
    {
        _listener.Dispose();
        _out.Delete(recursive: true);
    }

    [Fact]
    public void Should_List_This_Process_Listener_With_Its_Pid()
    {
        var run = CliRun.Of("scan", "--format", "json");

        using var json = JsonDocument.Parse(run.Out);
        var host = json.RootElement.GetProperty("hosts")[0];
        Assert.Equal("live", host.GetProperty("format").GetString());
        var mine = Assert.Single(host.GetProperty("sockets").EnumerateArray(), s => s.GetProperty("port").GetInt32() == Port);
        Assert.Equal("loopback", mine.GetProperty("scope").GetString());
        Assert.Contains(mine.GetProperty("processes").EnumerateArray(), p => p.GetProperty("pid").GetInt32() == Environment.ProcessId);
    }

    [Fact]
    public void Should_Audit_This_Machine_When_Given_No_Input()
    {
        var run = CliRun.Of("audit", "--out", _out.FullName, "--formats", "json", "--host", "this-machine");

        Assert.True(run.ExitCode is 0 or 1, run.Error);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out.FullName, "results.json")));
        var host = Assert.Single(json.RootElement.GetProperty("hosts").EnumerateArray());
        Assert.Equal(("this-machine", "live"), (host.GetProperty("host").GetString(), host.GetProperty("format").GetString()));
        Assert.Contains(host.GetProperty("sockets").EnumerateArray(), s => s.GetProperty("port").GetInt32() == Port);
    }

    [Fact]
    public async Task Should_Still_List_Every_Socket_Without_Root_And_Say_Why_Owners_Are_Missing()
    {
        Assert.True(Environment.IsPrivilegedProcess, "this test drops from root to nobody; CI runs as root");
        var cli = typeof(CliApp).Assembly.Location;
        var start = new ProcessStartInfo("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", cli, "scan", "--format", "json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["HOME"] = "/tmp", ["DOTNET_CLI_HOME"] = "/tmp" },
        };
        using var scan = Process.Start(start)!;
        var output = scan.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await scan.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await scan.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, scan.ExitCode);
        using var json = JsonDocument.Parse(await output);
        var mine = Assert.Single(json.RootElement.GetProperty("hosts")[0].GetProperty("sockets").EnumerateArray(), s => s.GetProperty("port").GetInt32() == Port);
        Assert.Empty(mine.GetProperty("processes").EnumerateArray()); // held by root: nobody cannot see the owner
        Assert.Contains("run as root to see every owner", error);
    }
}
