using PortCompliance.Core.Model;
using PortCompliance.Core.Tests.Support;

namespace PortCompliance.Core.Tests.Ingest;

/// <summary>One behaviour per test, each read from a genuine capture in samples/.</summary>
public sealed class SsParserTests
{
    private const string Db = "samples/ss/ss-lntup-debian12-db.txt";
    private const string OldFormat = "samples/docs/zzjlogin-mydoc-centos6-ss-lntup-oldformat.txt";

    private static ListeningSocket On(string sample, string fragment) => Samples.SocketOn(Samples.Read(sample), sample, fragment);

    [Theory]
    [InlineData(Db, " 0.0.0.0:22 ", IpFamily.IPv4, "0.0.0.0", 22, BindScope.Wildcard)]
    [InlineData(Db, " [::]:22 ", IpFamily.IPv6, "::", 22, BindScope.Wildcard)]
    [InlineData(Db, " *:9000 ", IpFamily.Any, "*", 9000, BindScope.Wildcard)]
    [InlineData(Db, " 127.0.0.1:6379 ", IpFamily.IPv4, "127.0.0.1", 6379, BindScope.Loopback)]
    [InlineData(Db, " [::1]:6379 ", IpFamily.IPv6, "::1", 6379, BindScope.Loopback)]
    [InlineData(Db, " 192.0.2.2:8080 ", IpFamily.IPv4, "192.0.2.2", 8080, BindScope.Specific)]
    [InlineData(Db, " [fd00::2]:8080 ", IpFamily.IPv6, "fd00::2", 8080, BindScope.Specific)]
    [InlineData(Db, "[::ffff:127.0.0.1]:9400", IpFamily.IPv6, "::ffff:127.0.0.1", 9400, BindScope.Loopback)]
    [InlineData(OldFormat, " *:22 ", IpFamily.Any, "*", 22, BindScope.Wildcard)]
    [InlineData(OldFormat, " :::22 ", IpFamily.IPv6, "::", 22, BindScope.Wildcard)]
    [InlineData(OldFormat, " ::1:25 ", IpFamily.IPv6, "::1", 25, BindScope.Loopback)]
    public void Should_Read_Every_Address_Form(string sample, string fragment, IpFamily family, string address, int port, BindScope scope)
    {
        var socket = On(sample, fragment);

        Assert.Equal((family, address, port, scope), (socket.Family, socket.Address, socket.Port, socket.Scope));
    }

    [Theory]
    [InlineData(Db, "[fe80::fc:ff:fe00:1]%eth0:7100", "fe80::fc:ff:fe00:1", "eth0", BindScope.Specific)]
    [InlineData(Db, "[::]%eth0:9101", "::", "eth0", BindScope.Wildcard)]
    [InlineData(Db, "0.0.0.0%eth0:9102", "0.0.0.0", "eth0", BindScope.Wildcard)]
    [InlineData(Db, "0.0.0.0%lo:9100", "0.0.0.0", "lo", BindScope.Loopback)]
    [InlineData("samples/docs/seed001-ss-utlnp-loopback-noheader.txt", "tcp LISTEN 0 4096 127.0.0.53%lo:53", "127.0.0.53", "lo", BindScope.Loopback)]
    public void Should_Read_The_Interface_Wherever_Ss_Puts_It(string sample, string fragment, string address, string device, BindScope scope)
    {
        var socket = On(sample, fragment);

        Assert.Equal((address, device, scope), (socket.Address, socket.Interface, socket.Scope));
    }

    [Fact]
    public void Should_List_Every_Process_Of_A_Forking_Server_In_Input_Order()
    {
        var socket = On(Db, " 0.0.0.0:80 ");

        Assert.Equal([4140, 4138, 4137, 4136], socket.Processes.Select(p => p.Pid));
        Assert.All(socket.Processes, p => Assert.Equal("nginx", p.Name));
    }

    [Fact]
    public void Should_Count_A_Process_On_Several_Fds_Once()
    {
        var socket = On(Db, "udp   UNCONN 0      0                      127.0.0.1:11211");

        Assert.Equal([new SocketProcess("memcached", 4146)], socket.Processes);
    }

    [Theory]
    [InlineData(" 0.0.0.0:7000 ", "my app (v2")]
    [InlineData(" 127.0.0.1:7001 ", "db,\"proxy\" x")]
    [InlineData(" *:7002 ", "o'neil")]
    public void Should_Keep_Process_Names_With_Spaces_Quotes_Commas_And_Parentheses(string fragment, string name)
    {
        Assert.Equal(name, Assert.Single(On(Db, fragment).Processes).Name);
    }

    [Fact]
    public void Should_Read_The_Old_Users_Form_Without_Pid_Equals()
    {
        var socket = On(OldFormat, " *:80 ");

        Assert.Equal([new SocketProcess("nginx", 4109), new SocketProcess("nginx", 4110)], socket.Processes);
    }

    [Fact]
    public void Should_Show_Only_The_Users_Own_Processes_When_Captured_Without_Root()
    {
        const string sample = "samples/ss/ss-lntup-nonroot-debian12-db.txt";

        Assert.Empty(On(sample, " 0.0.0.0:22 ").Processes);
        Assert.Empty(On(sample, " 0.0.0.0:5432 ").Processes);
        Assert.Equal("python3", Assert.Single(On(sample, " 127.0.0.1:8000 ").Processes).Name);
    }

    [Theory]
    [InlineData("samples/ss/ss-lnt-debian12-db.txt", Protocol.Tcp)]
    [InlineData("samples/ss/ss-tan-debian12-db.txt", Protocol.Tcp)]
    public void Should_Take_The_Protocol_From_The_State_When_There_Is_No_Netid_Column(string sample, Protocol proto)
    {
        var snapshot = Samples.Read(sample);

        Assert.NotEmpty(snapshot.Sockets);
        Assert.All(snapshot.Sockets, s => Assert.Equal(proto, s.Proto));
    }

    [Fact]
    public void Should_Read_Udp_Unconn_Rows_As_Udp_Listeners_Without_Netid()
    {
        var snapshot = Samples.Read("samples/ss/ss-lntu-debian12-db.txt");

        Assert.Contains(snapshot.Sockets, s => s.Proto == Protocol.Udp && s.Port == 11211);
        Assert.Contains(snapshot.Sockets, s => s.Proto == Protocol.Tcp && s.Port == 22);
    }

    [Fact]
    public void Should_Read_A_Listing_Without_Header()
    {
        var withHeader = Samples.Read(Db);
        var headless = Samples.Read("samples/ss/ss-Hlntup-debian12-db.txt");

        Assert.Equal("ss", headless.Format);
        Assert.Empty(headless.HeaderLines);
        Assert.Empty(headless.Unparsed);
        Assert.Equal(withHeader.Sockets.Count, headless.Sockets.Count);
    }

    [Fact]
    public void Should_Treat_The_Glued_PortProcess_Header_As_A_Header()
    {
        Assert.Contains("PortProcess", Samples.Text(Db).Split('\n')[0]);
        Assert.Equal([1], Samples.Read(Db).HeaderLines);
    }

    [Fact]
    public void Should_Ignore_Extended_Columns_From_Dash_E()
    {
        var socket = On("samples/ss/ss-lntupe-debian12-db.txt", " 0.0.0.0:9002 ");

        Assert.Equal([new SocketProcess("socat", 4161)], socket.Processes);
    }

    [Theory]
    [InlineData("samples/ss/ss-lnti-debian12-db.txt", "bbr cwnd:10")]
    [InlineData("samples/ss/ss-lntm-debian12-db.txt", "skmem:(")]
    public void Should_Attach_Detail_Lines_To_The_Row_Above(string sample, string detail)
    {
        var snapshot = Samples.Read(sample);
        var lines = Samples.Text(sample).Split('\n');
        var detailLine = Array.FindIndex(lines, l => l.Contains(detail, StringComparison.Ordinal)) + 1;

        var owner = Assert.Single(snapshot.Sockets, s => s.Line < detailLine && detailLine <= s.LastLine);
        Assert.Equal(detailLine - 1, owner.Line);
        Assert.Empty(snapshot.Unparsed);
    }

    [Fact]
    public void Should_Skip_Established_Rows_With_Their_State_And_Not_Report_Them()
    {
        const string sample = "samples/ss/ss-tunap-debian12-db.txt";
        var snapshot = Samples.Read(sample);
        var estab = Samples.Text(sample).Split('\n').Select((l, i) => (l, i + 1)).Where(x => x.l.Contains(" ESTAB ")).Select(x => x.Item2).ToList();

        var skipped = snapshot.Skipped.ToDictionary(s => s.Line, s => s.Reason);

        Assert.NotEmpty(estab);
        Assert.All(estab, n => Assert.Matches(@"^(not listening|connected UDP socket) \(ESTAB\)$", skipped[n]));
        Assert.DoesNotContain(snapshot.Sockets, s => estab.Contains(s.Line));
    }

    [Fact]
    public void Should_Skip_Unix_Domain_Rows()
    {
        var snapshot = Samples.Read("samples/ss/ss-ln-head60-debian12-db.txt");

        Assert.Contains(snapshot.Skipped, s => s.Reason == "unix-domain socket (u_str)");
        Assert.Empty(snapshot.Unparsed);
    }

    [Theory]
    [InlineData(" 0.0.0.0:ssh ", 22, "ssh", BindScope.Wildcard)]
    [InlineData(" 127.0.0.53:domain ", 53, "domain", BindScope.Loopback)]
    public void Should_Turn_Service_Names_Into_Ports_When_Dash_N_Was_Forgotten(string fragment, int port, string name, BindScope scope)
    {
        var socket = On("samples/ss/ss-ltup-debian12-db.txt", fragment);

        Assert.Equal((port, name, scope), (socket.Port, socket.PortName, socket.Scope));
    }

    [Theory]
    [InlineData("samples/docs/github-62436928633-ss-l-old-no-netid-no-state.txt", 6)]
    [InlineData("samples/docs/github-36976513761-ss-pl-old-no-netid-no-state.txt", 3)]
    public void Should_Read_Very_Old_Ss_Without_Netid_Or_State_As_Tcp(string sample, int sockets)
    {
        var snapshot = Samples.Read(sample);

        Assert.Equal("ss", snapshot.Format);
        Assert.Equal([1], snapshot.HeaderLines);
        Assert.Equal(sockets, snapshot.Sockets.Count);
        Assert.All(snapshot.Sockets, s => Assert.Equal(Protocol.Tcp, s.Proto));
        Assert.Empty(snapshot.Unparsed);
    }

    [Fact]
    public void Should_Read_The_Users_Of_A_Very_Old_Row()
    {
        const string sample = "samples/docs/github-36976513761-ss-pl-old-no-netid-no-state.txt";

        var socket = On(sample, "127.0.0.1:smux");

        Assert.Equal((199, "smux", BindScope.Loopback), (socket.Port, socket.PortName, socket.Scope));
        Assert.Equal([new SocketProcess("snmpd", 2716)], socket.Processes);
    }

    [Fact]
    public void Should_Skip_A_Very_Old_Row_Whose_Peer_Has_A_Port()
    {
        // The header of a real very old listing, and its row with the peer of a connection instead of *:*.
        var lines = Samples.Text("samples/docs/github-36976513761-ss-pl-old-no-netid-no-state.txt").Split('\n');
        var connected = lines[3].Replace("*:*", "10.0.0.8:40956", StringComparison.Ordinal);

        var snapshot = Read(lines[0] + "\n" + connected + "\n");

        Assert.Empty(snapshot.Sockets);
        Assert.Equal("not listening (connected to 10.0.0.8:40956)", Assert.Single(snapshot.Skipped).Reason);
    }

    [Fact]
    public void Should_Read_A_Listing_Pasted_Inside_A_Markdown_Quote_And_Keep_The_Lines_As_Shown()
    {
        const string sample = "samples/docs/github-37102583459-ss-lutnp-markdown-quote.txt";
        var snapshot = Samples.Read(sample);

        Assert.Equal("ss", snapshot.Format);
        Assert.Equal([1], snapshot.HeaderLines);
        var socket = Assert.Single(snapshot.Sockets);
        Assert.Equal(("0.0.0.0", 5355, "systemd-resolve"), (socket.Address, socket.Port, socket.Processes[0].Name));
        Assert.StartsWith("> tcp", socket.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Report_A_Bare_Quote_Marker_As_Unparsed()
    {
        var lines = Samples.Text("samples/docs/github-37102583459-ss-lutnp-markdown-quote.txt").Split('\n').ToList();
        lines.Insert(1, ">");

        var snapshot = Read(string.Join("\n", lines));

        Assert.Equal((2, "a Markdown quote marker with no ss row behind it"), (Assert.Single(snapshot.Unparsed).Line, snapshot.Unparsed[0].Reason));
        Assert.Single(snapshot.Sockets);
    }

    [Theory]
    [InlineData("===== 3. Listening sockets =====")]
    [InlineData("=====")]
    public void Should_Report_A_Ci_Section_Marker_As_Unparsed(string marker)
    {
        var lines = Samples.Text(Db).Split('\n').ToList();
        lines.Insert(3, marker);
        var text = string.Join("\n", lines);

        var snapshot = Read(text);

        var unparsed = Assert.Single(snapshot.Unparsed);
        Assert.Equal((4, marker), (unparsed.Line, unparsed.Text));
        Assert.Equal(Samples.Read(Db).Sockets.Count, snapshot.Sockets.Count);
        LineAccounting.AssertComplete(snapshot, text);
    }

    private static HostSnapshot Read(string text) =>
        Core.Ingest.ListingReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), new Core.Ingest.ListingOptions("test.txt")).Snapshot!;
}
