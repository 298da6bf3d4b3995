using System.Diagnostics;
using PortCompliance.Core.Ingest.Live;

namespace PortCompliance.Core.Tests.Ingest.Live;

/// <summary>
/// A real network namespace (<c>ip netns add</c>) with a listener inside: the all-namespaces scan finds it. The port is
/// below the ephemeral range, so no client socket of the host can hold it by chance.
/// </summary>
[Collection(LiveSockets.Name)]
public sealed class NamespaceScanTests : IDisposable
{
    private readonly string _name = $"pc-test-{Environment.ProcessId}";
    private readonly Process _listener;

    public NamespaceScanTests()
    {
        Run("ip", "netns", "add", _name);
        Run("ip", "netns", "exec", _name, "ip", "link", "set", "lo", "up");
        _listener = Process.Start(new ProcessStartInfo("ip",
            ["netns", "exec", _name, "python3", "-c",
             "import socket,sys,time\ns=socket.socket()\ns.bind(('0.0.0.0',29123))\ns.listen()\nprint('up',flush=True)\ntime.sleep(60)"])
        {
            RedirectStandardOutput = true,
        })!;
        Assert.Equal("up", _listener.StandardOutput.ReadLine()); // listening before the scan starts
    }

    public void Dispose()
    {
        _listener.Kill(entireProcessTree: true);
        _listener.WaitForExit();
        _listener.Dispose();
        Run("ip", "netns", "del", _name);
    }

    [Fact]
    public void Should_Find_A_Listener_In_Another_Network_Namespace_With_Its_Name_And_Pid()
    {
        var host = LiveScanner.Scan("here", allNamespaces: true);
        var hostOnly = LiveScanner.Scan("here");

        var socket = Assert.Single(host.Sockets, s => s.Port == 29123);
        Assert.Equal(_name, socket.Namespace);
        Assert.Equal("0.0.0.0", socket.Address);
        Assert.Equal("python3", Assert.Single(socket.Processes).Name);
        Assert.DoesNotContain(hostOnly.Sockets, s => s.Port == 29123);
    }

    private static void Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)}: {error}");
    }
}
