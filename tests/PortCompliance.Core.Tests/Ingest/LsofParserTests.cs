using System.Text;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Ingest;

/// <summary>One behaviour per test, each read from a genuine lsof listing in samples/lsof.</summary>
public sealed class LsofParserTests
{
    private const string Db = "samples/lsof/lsof-i-P-n-debian12-db.txt";
    private const string Names = "samples/lsof/lsof-i-debian12-db.txt";
    private const string Threads = "samples/lsof/lsof-K-a-iTCP-sTCP-LISTEN-P-n-debian12-db.txt";
    private const string FullNames = "samples/lsof/lsof-c0-i-P-n-debian12-db.txt";
    private const string MacTabs = "samples/lsof/lsof-P-i-TCP-s-TCP-LISTEN-macos-nx-academy-docker-course-github-2453714553.txt";
    private const string MacGrep = "samples/lsof/lsof-i-P-n-grep-LISTEN-head-macos-network-notes-github-60421283686.txt";
    private const string MacNames = "samples/lsof/lsof-i5678-no-P-macos-hazelcast-debugpy-notes-github-29247000788.txt";
    private const string Warnings = "samples/lsof/lsof-head-warning-tid-linux-notes-ru-github-4909978351.txt";

    private static ListeningSocket On(string sample, string fragment) => Samples.SocketOn(Samples.Read(sample), sample, fragment);

    [Theory]
    [InlineData(Db, "4u  IPv6 296165      0t0  TCP *:22 ", IpFamily.IPv6, "*", 22, BindScope.Wildcard)]
    [InlineData(Db, "3u  IPv4 296163      0t0  TCP *:22 ", IpFamily.IPv4, "*", 22, BindScope.Wildcard)]
    [InlineData(Db, "TCP 127.0.0.1:5433 ", IpFamily.IPv4, "127.0.0.1", 5433, BindScope.Loopback)]
    [InlineData(Db, "TCP [::1]:6379 ", IpFamily.IPv6, "::1", 6379, BindScope.Loopback)]
    [InlineData(Db, "TCP 192.0.2.2:8080 ", IpFamily.IPv4, "192.0.2.2", 8080, BindScope.Specific)]
    [InlineData(Db, "TCP [fd00::2]:2222 ", IpFamily.IPv6, "fd00::2", 2222, BindScope.Specific)]
    [InlineData(Db, "TCP [fe80::fc:ff:fe00:1]:7100 ", IpFamily.IPv6, "fe80::fc:ff:fe00:1", 7100, BindScope.Specific)]
    [InlineData(Db, "IPv6 297125      0t0  TCP 127.0.0.1:9400 ", IpFamily.IPv4, "127.0.0.1", 9400, BindScope.Loopback)]
    [InlineData("samples/lsof/lsof-iTCP-sTCP-LISTEN-P-n-linux-pranker-monitor-github-46635142977.txt",
        "[fd7a:115c:a1e0::de01:d54d]:48978", IpFamily.IPv6, "fd7a:115c:a1e0::de01:d54d", 48978, BindScope.Specific)]
    public void Should_Read_Every_Address_Form(string sample, string fragment, IpFamily family, string address, int port, BindScope scope)
    {
        var socket = On(sample, fragment);

        Assert.Equal((family, address, port, scope), (socket.Family, socket.Address, socket.Port, socket.Scope));
    }

    [Fact]
    public void Should_Read_A_Zone_Inside_The_Brackets_As_The_Interface()
    {
        // A real row of the db capture with its NAME rewritten to the form BSD lsof prints for a scoped address.
        var row = Samples.Text(Db).Split('\n').First(l => l.Contains("[fe80::fc:ff:fe00:1]:7100", StringComparison.Ordinal))
            .Replace("[fe80::fc:ff:fe00:1]:7100", "[fe80::1%eth0]:123", StringComparison.Ordinal);

        var socket = Assert.Single(Read(row).Sockets);

        Assert.Equal(("fe80::1", "eth0", 123), (socket.Address, socket.Interface, socket.Port));
    }

    [Fact]
    public void Should_Fold_The_Rows_Of_Every_Worker_Into_One_Socket_With_Every_Process()
    {
        var snapshot = Samples.Read(Db);
        var socket = Samples.SocketOn(snapshot, Db, "4u  IPv4 296192");

        Assert.Equal([23501, 23502, 23503, 23505], socket.Processes.Select(p => p.Pid));
        Assert.All(socket.Processes, p => Assert.Equal("nginx", p.Name));
        Assert.Single(snapshot.Sockets, s => s.Port == 80 && s.Family == IpFamily.IPv4);
        LineAccounting.AssertComplete(snapshot, Samples.Text(Db));
    }

    [Fact]
    public void Should_Keep_Sockets_Of_One_Address_Apart_When_Their_Devices_Differ()
    {
        var snapshot = Samples.Read(Db);

        Assert.Equal(3, snapshot.Sockets.Count(s => s.Port == 8443));
    }

    [Fact]
    public void Should_Count_A_Process_On_Several_Fds_Once()
    {
        var socket = On(Db, "24u  IPv4 295740");

        Assert.Equal([new SocketProcess("memcached", 23511)], socket.Processes);
        Assert.Equal(Protocol.Udp, socket.Proto);
    }

    [Fact]
    public void Should_Fold_The_Thread_Rows_Of_Dash_K_Into_Their_Process()
    {
        var snapshot = Samples.Read(Threads);

        Assert.Equal([1], snapshot.HeaderLines);
        Assert.Equal(5, snapshot.Sockets.Count);
        Assert.Equal([new SocketProcess("memcached", 23511)], Samples.SocketOn(snapshot, Threads, "memcached 23511                 memcache").Processes);
        Assert.Equal(Samples.Text(Threads).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 6, snapshot.FoldedLines.Count);
        LineAccounting.AssertComplete(snapshot, Samples.Text(Threads));
    }

    [Theory]
    [InlineData(Db, "TCP *:7000 ", "my\\x20app")]
    [InlineData(Db, "TCP 127.0.0.1:7001 ", "db,\"proxy")]
    [InlineData(Db, "TCP 127.0.0.1:6379 ", "redis-ser")]
    [InlineData(FullNames, "TCP *:7000 ", "my\\x20app\\x20(v2)")]
    [InlineData(FullNames, "TCP 127.0.0.1:7001 ", "db,\"proxy\"\\x20x")]
    [InlineData(FullNames, "TCP 127.0.0.1:6379 ", "redis-server")]
    public void Should_Keep_Command_Names_As_Lsof_Shows_Them(string sample, string fragment, string name)
    {
        Assert.Equal(name, Assert.Single(On(sample, fragment).Processes).Name);
    }

    [Fact]
    public void Should_Skip_Established_Rows_With_Their_State()
    {
        var snapshot = Samples.Read(Db);
        var lines = Samples.Text(Db).Split('\n');
        var established = Enumerable.Range(1, lines.Length).Where(n => lines[n - 1].EndsWith("(ESTABLISHED)", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(established);
        Assert.All(established, n => Assert.Contains(snapshot.Skipped, s => s.Line == n && s.Reason == "not listening (ESTABLISHED)"));
        Assert.DoesNotContain(snapshot.Sockets, s => established.Contains(s.Line));
        Assert.Empty(snapshot.Unparsed);
    }

    [Theory]
    [InlineData("UDP 127.0.0.53:53 ", "127.0.0.53", 53)]
    [InlineData("UDP *:9003 ", "*", 9003)]
    public void Should_Read_Udp_Rows_Without_A_Peer_As_Bound_Listeners(string fragment, string address, int port)
    {
        var socket = On(Db, fragment);

        Assert.Equal((Protocol.Udp, address, port), (socket.Proto, socket.Address, socket.Port));
    }

    [Theory]
    [InlineData("3u  IPv4 296163      0t0  TCP *:ssh ", 22, "ssh", BindScope.Wildcard)]
    [InlineData("TCP *:http ", 80, "http", BindScope.Wildcard)]
    [InlineData("TCP localhost:11211 ", 11211, null, BindScope.Loopback)]
    [InlineData("TCP [fe80::fc:ff:fe00:1]:font-service ", 7100, "font-service", BindScope.Specific)]
    [InlineData("4u  IPv4 296173      0t0  TCP vm.portcompliance.test:2222 ", 2222, null, BindScope.Specific)]
    [InlineData("UDP 127.0.0.53:domain ", 53, "domain", BindScope.Loopback)]
    public void Should_Turn_Service_And_Host_Names_Into_Ports_And_Keep_Them(string fragment, int port, string? name, BindScope scope)
    {
        var socket = On(Names, fragment);

        Assert.Equal((port, name, scope), (socket.Port, socket.PortName, socket.Scope));
    }

    [Theory]
    [InlineData(Db, HostOs.Linux)]
    [InlineData(MacTabs, HostOs.MacOs)]
    [InlineData(MacGrep, HostOs.MacOs)]
    [InlineData(Warnings, HostOs.Unknown)] // no socket row to tell by
    public void Should_Tell_The_Os_From_The_Device_Column(string sample, HostOs os)
    {
        Assert.Equal(os, Samples.Read(sample).Os);
    }

    [Fact]
    public void Should_Let_An_Os_Line_Name_Freebsd_Over_The_Device_Column()
    {
        var snapshot = Read("# os: freebsd\n" + Samples.Text(MacTabs));

        Assert.Equal(HostOs.FreeBsd, snapshot.Os);
        Assert.Equal(22, snapshot.Sockets.Count);
    }

    [Fact]
    public void Should_Read_Columns_Split_By_Tabs()
    {
        var snapshot = Samples.Read(MacTabs);

        Assert.Equal([1], snapshot.HeaderLines);
        Assert.Equal(22, snapshot.Sockets.Count);
        Assert.Equal(new SocketProcess("rapportd", 462), Assert.Single(Samples.SocketOn(snapshot, MacTabs, "3u  IPv4 0x64cf0533e954acfd").Processes));
    }

    [Fact]
    public void Should_Read_Lsof_Warnings_As_Notes_And_Skip_Files_That_Are_No_Socket()
    {
        var snapshot = Samples.Read(Warnings);

        Assert.Equal("lsof", snapshot.Format);
        Assert.Equal([1, 2, 3], snapshot.HeaderLines);
        Assert.Equal(["DIR file: not an internet socket", "DIR file: not an internet socket", "REG file: not an internet socket"],
            snapshot.Skipped.Select(s => s.Reason));
        Assert.Empty(snapshot.Unparsed);
    }

    [Fact]
    public void Should_Read_Rows_Without_A_Header_Pasted_From_Grep()
    {
        var snapshot = Samples.Read(MacGrep);

        Assert.Empty(snapshot.HeaderLines);
        Assert.Equal(10, snapshot.Sockets.Count);
        Assert.Empty(snapshot.Unparsed);
    }

    [Fact]
    public void Should_Report_A_Service_Name_It_Does_Not_Know_As_Unparsed_Asking_For_Dash_P()
    {
        var unparsed = Assert.Single(Samples.Read(MacNames).Unparsed);

        Assert.Equal(3, unparsed.Line);
        Assert.Equal("unknown service name 'rrac' (capture with -P to get port numbers)", unparsed.Reason);
    }

    [Fact]
    public void Should_Report_The_Command_Line_Pasted_Above_The_Listing_As_Unparsed()
    {
        var snapshot = Samples.Read("samples/lsof/lsof-n-i8081-no-P-livioso-issue1.txt");

        Assert.Equal(1, Assert.Single(snapshot.Unparsed).Line);
        Assert.Equal((8081, "tproxy"), (snapshot.Sockets[0].Port, snapshot.Sockets[0].PortName));
    }

    [Theory]
    [InlineData("TCP *:22 (LISTEN)", "", "the row ends before its NODE and NAME")]
    [InlineData("IPv4 296163      0t0  TCP *:22 (LISTEN)", "", "expected a TYPE (IPv4, IPv6 …) after USER and FD")]
    [InlineData("*:22 (LISTEN)", "*:99999 (LISTEN)", "port 99999 is outside 0-65535")]
    [InlineData("TCP *:22 (LISTEN)", "TCP", "the row ends before its NAME (the address)")]
    public void Should_Report_A_Cut_Or_Bad_Row_As_Unparsed_With_Its_Reason(string cut, string replacement, string reason)
    {
        var row = Samples.Text(Db).Split('\n')[1]; // sshd 23484 root 3u IPv4 296163 0t0 TCP *:22 (LISTEN)
        var bad = row.Replace(cut, replacement, StringComparison.Ordinal).TrimEnd();

        var snapshot = Read(Samples.Text(Db).Split('\n')[0] + "\n" + bad + "\n");

        var unparsed = Assert.Single(snapshot.Unparsed);
        Assert.Equal((2, reason), (unparsed.Line, unparsed.Reason));
        Assert.Empty(snapshot.Sockets);
    }

    [Fact]
    public void Should_Read_An_Empty_Capture_As_Empty_Input()
    {
        const string sample = "samples/lsof/lsof-i-P-n-nonroot-nobody-debian12-db.listing"; // kept out: no line to sniff

        Assert.Equal([sample], Samples.Read(sample, "lsof").EmptyInputs);
    }

    [Fact]
    public void Should_Sniff_The_Header_And_A_Row_As_Lsof_And_A_Netstat_Row_As_Not()
    {
        var lines = Samples.Text(Db).Split('\n');

        Assert.Equal("lsof", ListingFormats.Sniff(lines[0]));
        Assert.Equal("lsof", ListingFormats.Sniff(lines[1]));
        Assert.Equal("netstat", ListingFormats.Sniff(File.ReadLines(RepoPaths.Combine("samples/netstat/netstat-plunt-debian12-db.txt")).ElementAt(2)));
    }

    private static HostSnapshot Read(string text) =>
        ListingReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), new ListingOptions("test.txt")).Snapshot!;
}
