using PortCompliance.Core.Audit;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;

namespace PortCompliance.Core.Tests.Ingest.Live;

/// <summary>
/// The inside view (a real <c>ss -lntup</c>) against the outside view (real <c>nmap -oX</c> of 127.0.0.1): every socket
/// gets its exposure, and a port open to nmap that the listing does not show is an unexplained-open-port finding.
/// </summary>
[Collection(LiveSockets.Name)]
public sealed class NmapExposureTests : IDisposable
{
    private readonly List<Socket> _sockets = [];

    public void Dispose() => _sockets.ForEach(s => s.Dispose());

    [Fact]
    public void Should_Mark_Reachable_Filtered_And_Not_Scanned_And_Flag_What_The_Listing_Misses()
    {
        var reachable = Listen(IPAddress.Loopback);
        var closedLater = Listen(IPAddress.Any);
        var notProbed = Listen(IPAddress.Loopback);
        var listing = Run("ss", "-lntup");
        var closedPort = Port(closedLater);
        closedLater.Dispose();
        var unexplained = Listen(IPAddress.Loopback);
        var ports = new[] { Port(reachable), closedPort, Port(unexplained) };
        var xml = Run("nmap", "-n", "-Pn", "-sT", "-p", string.Join(",", ports), "-oX", "-", "127.0.0.1");

        var inside = InputReader.Read(Stream(listing), new ListingOptions("box.ss.txt")).Snapshot!;
        var outside = Assert.Single(InputReader.Read(Stream(xml), new ListingOptions("box.nmap.xml")).Scans);
        var policy = PolicyLoader.Load(PolicyLoader.BuiltInBaseline).Policy!;
        var host = Assert.Single(AuditRun.Whole([inside], policy, new AuditSettings(DateTimeOffset.UnixEpoch, Severity.High, "test"), [outside]).Hosts);

        Assert.Equal("127.0.0.1", outside.Address);
        Assert.Equal("reachable", Exposure(host, Port(reachable)));
        Assert.Equal("filtered", Exposure(host, closedPort));
        Assert.Equal("not-scanned", Exposure(host, Port(notProbed)));
        var finding = Assert.Single(host.Findings, f => f.Rule == RuleIds.UnexplainedOpenPort);
        Assert.Equal((Port(unexplained), Severity.High), (finding.Port!.Value, finding.Severity));
    }

    private static string? Exposure(HostResult host, int port) => Assert.Single(host.Sockets, s => s.Port == port).Exposure;

    private Socket Listen(IPAddress address)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(address, 0));
        socket.Listen();
        _sockets.Add(socket);
        return socket;
    }

    private static int Port(Socket socket) => ((IPEndPoint)socket.LocalEndPoint!).Port;

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    private static string Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
