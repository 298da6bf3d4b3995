using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Ingest.Live;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Tests.Ingest.Live;

/// <summary>
/// The live scan sees exactly what <c>ss -lntup</c> sees: real listeners of every kind are opened here, ss is run at the
/// same moment and read with our own parser, and the two socket sets — with their pids — must be identical.
/// </summary>
[Collection(LiveSockets.Name)]
public sealed partial class LiveParityTests : IDisposable
{
    private readonly List<Socket> _sockets = [];
    private readonly List<Process> _children = [];

    public void Dispose()
    {
        foreach (var child in _children)
        {
            child.Kill();
            child.Dispose();
        }

        _sockets.ForEach(s => s.Dispose());
    }

    [Fact]
    public void Should_See_The_Same_Sockets_And_Pids_As_Ss()
    {
        Listen(new IPEndPoint(IPAddress.Loopback, 0));
        Listen(new IPEndPoint(IPAddress.Any, 0));
        Listen(new IPEndPoint(IPAddress.IPv6Any, 0), v6Only: true);
        Listen(new IPEndPoint(IPAddress.IPv6Any, 0), v6Only: false);
        Listen(new IPEndPoint(IPAddress.Any, 0), device: "lo");
        Listen(new IPEndPoint(IPAddress.Parse("::ffff:127.0.0.1"), 0), v6Only: false);
        Bind(new IPEndPoint(IPAddress.Any, 0));
        Bind(new IPEndPoint(IPAddress.IPv6Any, 0), v6Only: false);
        ShareWithChild(Listen(new IPEndPoint(IPAddress.Loopback, 0)));
        var ports = _sockets.Select(s => ((IPEndPoint)s.LocalEndPoint!).Port).ToHashSet();

        var ours = LiveScanner.Scan("here");
        var theirs = Ss();

        var expected = Keys(theirs, ports);
        Assert.Equal(_sockets.Count, expected.Count);
        Assert.Equal(expected, Keys(ours, ports));
        Assert.Contains(expected, k => k.Contains("%lo", StringComparison.Ordinal));
        Assert.Contains(expected, k => k.Contains(" * ", StringComparison.Ordinal)); // dual-stack
        Assert.Contains(expected, k => k.Contains($",{_children[0].Id}", StringComparison.Ordinal) || k.Contains($"{_children[0].Id},", StringComparison.Ordinal));
    }

    /// <summary>Only this test's sockets: held by this process, on its ports (another process may reuse a port number).</summary>
    private static List<string> Keys(HostSnapshot snapshot, HashSet<int> ports) =>
    [
        .. snapshot.Sockets.Where(s => ports.Contains(s.Port) && s.Processes.Any(p => p.Pid == Environment.ProcessId))
            .Select(s => $"{s.Proto} {s.Family} {s.Address} {s.Port}{(s.Interface is null ? "" : "%" + s.Interface)} " +
                         string.Join(",", s.Processes.Select(p => p.Pid).Order()))
            .Order(StringComparer.Ordinal),
    ];

    private static HostSnapshot Ss()
    {
        using var ss = Process.Start(new ProcessStartInfo("ss", "-lntup") { RedirectStandardOutput = true })!;
        var output = ss.StandardOutput.ReadToEnd();
        ss.WaitForExit();
        return ListingReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(output)), new ListingOptions("ss -lntup")).Snapshot!;
    }

    private Socket Listen(IPEndPoint at, bool? v6Only = null, string? device = null)
    {
        var socket = Open(at, SocketType.Stream, ProtocolType.Tcp, v6Only, device);
        socket.Listen();
        return socket;
    }

    private Socket Bind(IPEndPoint at, bool? v6Only = null) => Open(at, SocketType.Dgram, ProtocolType.Udp, v6Only, null);

    private Socket Open(IPEndPoint at, SocketType type, ProtocolType proto, bool? v6Only, string? device)
    {
        var socket = new Socket(at.AddressFamily, type, proto);
        if (v6Only is { } only)
        {
            socket.DualMode = !only;
        }

        if (device is not null)
        {
            socket.SetRawSocketOption(1 /* SOL_SOCKET */, 25 /* SO_BINDTODEVICE */, Encoding.ASCII.GetBytes(device + "\0"));
        }

        socket.Bind(at);
        _sockets.Add(socket);
        return socket;
    }

    /// <summary>A forking server's socket: a child inherits it (CLOEXEC cleared), so two processes hold one socket.</summary>
    private void ShareWithChild(Socket socket)
    {
        Assert.Equal(0, fcntl((int)socket.Handle, 2 /* F_SETFD */, 0));
        var child = Process.Start(new ProcessStartInfo("sleep", "60"))!;
        _children.Add(child);
        for (var wait = 0; wait < 50 && !HoldsSocket(child.Id); wait++)
        {
            Thread.Sleep(20);
        }

        // Close-on-exec again, or every later child (ss itself) would hold the socket too.
        Assert.Equal(0, fcntl((int)socket.Handle, 2 /* F_SETFD */, 1 /* FD_CLOEXEC */));
    }

    private static bool HoldsSocket(int pid) =>
        Directory.EnumerateFiles($"/proc/{pid}/fd").Any(fd => new FileInfo(fd).LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fcntl(int fd, int command, int argument);
}
