using System.Text;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Tests.Support;

namespace PortCompliance.Core.Tests.Ingest;

/// <summary>One behaviour per test, each read from a genuine macOS, FreeBSD or OpenBSD netstat listing in samples/.</summary>
public sealed class BsdNetstatParserTests
{
    private const string MacVerbose = "samples/bsd-netstat/netstat-anv-grep-LISTEN-macos-ko-blog-github-46592404304.txt";
    private const string MacSections = "samples/bsd-netstat/netstat-an-macos-perl-parse-netstat-darwin-doc-excerpt.txt";
    private const string FreeBsdNames = "samples/bsd-netstat/netstat-a-freebsd-ns1-unix-section-github-9413281242.txt";
    private const string FreeBsdInet = "samples/bsd-netstat/netstat-na-f-inet-freebsd-ns1-github-9413281242.txt";
    private const string FreeBsdTcp46 = "samples/bsd-netstat/netstat-an-p-tcp-grep-LISTEN-freebsd-bravo-terminal-log-github-55234939351.txt";
    private const string OpenBsd = "samples/bsd-netstat/netstat-a-openbsd-miniupnp-issue229-excerpt.txt";

    private static ListeningSocket On(string sample, string fragment) => Samples.SocketOn(Samples.Read(sample), sample, fragment);

    private static HostSnapshot ReadText(string text)
    {
        var snapshot = ListingReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), new ListingOptions("pasted.txt")).Snapshot!;
        LineAccounting.AssertComplete(snapshot, text);
        return snapshot;
    }

    private static string Line(string sample, string fragment) =>
        File.ReadLines(PortCompliance.Tests.Shared.RepoPaths.Combine(sample)).First(l => l.Contains(fragment, StringComparison.Ordinal));

    [Theory]
    [InlineData("tcp4       0      0  127.0.0.1.631 ", IpFamily.IPv4, "127.0.0.1", 631, BindScope.Loopback)]
    [InlineData("tcp6       0      0  ::1.631 ", IpFamily.IPv6, "::1", 631, BindScope.Loopback)]
    [InlineData("tcp4       0      0  *.15018 ", IpFamily.IPv4, "*", 15018, BindScope.Wildcard)]
    [InlineData("tcp6       0      0  *.49177 ", IpFamily.IPv6, "*", 49177, BindScope.Wildcard)]
    [InlineData("tcp46      0      0  *.3283 ", IpFamily.Any, "*", 3283, BindScope.Wildcard)]
    public void Should_Read_The_Port_After_The_Last_Dot_And_The_Family_From_The_Protocol(
        string fragment, IpFamily family, string address, int port, BindScope scope)
    {
        var socket = On(MacVerbose, fragment);

        Assert.Equal((Protocol.Tcp, family, address, port, scope), (socket.Proto, socket.Family, socket.Address, socket.Port, socket.Scope));
    }

    [Fact]
    public void Should_Read_The_Pid_Column_Of_Dash_V_As_A_Process_Known_By_Pid()
    {
        Assert.Equal(new SocketProcess(null, 26008), Assert.Single(On(MacVerbose, " 127.0.0.1.631 ").Processes));
        Assert.Equal(new SocketProcess(null, 1), Assert.Single(On(MacVerbose, " *.5900 ").Processes));
    }

    [Fact]
    public void Should_Read_The_Pid_Column_The_Dash_V_Header_Names()
    {
        const string sample = "samples/bsd-netstat/netstat-anvp-tcp-awk-LISTEN-macos-askdifferent-github-51914169372.txt";

        Assert.Equal(new SocketProcess(null, 34548), Assert.Single(On(sample, "*.62981").Processes));
    }

    [Fact]
    public void Should_Keep_A_Cut_IPv6_Address_As_Shown_And_Mark_It_Truncated()
    {
        var socket = On(MacVerbose, "fe80::aede:48ff:.49159");

        Assert.Equal(("fe80::aede:48ff:", IpFamily.IPv6, 49159, true), (socket.Address, socket.Family, socket.Port, socket.Truncated));
    }

    [Fact]
    public void Should_Not_Mark_A_Whole_Address_Or_A_Star_Truncated()
    {
        var snapshot = Samples.Read(MacVerbose);

        Assert.All(snapshot.Sockets.Where(s => !s.Address.StartsWith("fe80", StringComparison.Ordinal)), s => Assert.False(s.Truncated));
        Assert.Equal(6, snapshot.Sockets.Count(s => s.Truncated));
    }

    [Fact]
    public void Should_Mark_A_Host_Name_Cut_At_Sixteen_Characters_Truncated()
    {
        var socket = On(OpenBsd, "heteigenwijsje.n.www");

        Assert.Equal(("heteigenwijsje.n", 80, true), (socket.Address, socket.Port, socket.Truncated));
    }

    [Fact]
    public void Should_Report_A_Port_Name_Cut_With_Its_Host_As_Unparsed()
    {
        var unparsed = Samples.Read(OpenBsd).Unparsed;

        Assert.Contains(unparsed, u => u.Text.Contains("heteigenwijsje.n.domai", StringComparison.Ordinal)
                                       && u.Reason.Contains("netstat cut it", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Read_OpenBsd_Bare_Tcp_As_IPv4()
    {
        var socket = On(OpenBsd, "*.ssh ");

        Assert.Equal((IpFamily.IPv4, 22, "ssh"), (socket.Family, socket.Port, socket.PortName));
    }

    [Fact]
    public void Should_Skip_Other_Protocols_And_Non_Listening_Rows_With_Their_Reason()
    {
        var snapshot = Samples.Read(OpenBsd);

        Assert.Contains(snapshot.Skipped, s => s.Line == 3 && s.Reason == "ip socket: only TCP and UDP are audited");
        Assert.Contains(snapshot.Skipped, s => s.Line == 6 && s.Reason == "not listening (TIME_WAIT)");
        Assert.Contains(snapshot.Skipped, s => s.Line == 7 && s.Reason == "not listening (ESTABLISHED)");
    }

    [Fact]
    public void Should_Turn_Service_Names_Into_Ports_And_Read_Udp_Rows_Without_A_State()
    {
        var ssh = On(FreeBsdNames, "tcp4       0      0 *.ssh ");
        var syslog = On(FreeBsdNames, "udp6       0      0 *.syslog ");

        Assert.Equal((22, "ssh", IpFamily.IPv4), (ssh.Port, ssh.PortName, ssh.Family));
        Assert.Equal((Protocol.Udp, 514, IpFamily.IPv6), (syslog.Proto, syslog.Port, syslog.Family));
    }

    [Fact]
    public void Should_Skip_The_Unix_Domain_Section()
    {
        var snapshot = Samples.Read(FreeBsdNames);

        Assert.Equal(7, snapshot.Skipped.Count(s => s.Reason == "unix-domain socket"));
        Assert.Empty(snapshot.Unparsed);
    }

    [Fact]
    public void Should_Skip_Unix_Multipath_And_Kernel_Sections_And_Unbound_Sockets()
    {
        var snapshot = Samples.Read(MacSections);

        Assert.Equal(4, snapshot.Skipped.Count(s => s.Reason == "unix-domain socket"));
        Assert.Equal(4, snapshot.Skipped.Count(s => s.Reason == "kernel control module: not a network socket"));
        Assert.Equal([6, 8], snapshot.Skipped.Where(s => s.Reason == "not bound to a port (*.*)").Select(s => s.Line));
        Assert.Equal([80, 88, 52919], snapshot.Sockets.Select(s => s.Port));
        Assert.Empty(snapshot.Unparsed);
    }

    [Theory]
    [InlineData("samples/bsd-netstat/netstat-an-egrep-sort-macos-docker-vespa-multinode-github-20198243174.txt", HostOs.MacOs)]
    [InlineData("samples/bsd-netstat/netstat-vnp-tcp-macos-mojave-node-netstat-issue26-excerpt.txt", HostOs.MacOs)]
    [InlineData(MacSections, HostOs.MacOs)]
    [InlineData("samples/bsd-netstat/netstat-a-grep-LISTEN-macos-mountainlion-set-issue24-oneline.txt", HostOs.MacOs)]
    [InlineData(FreeBsdNames, HostOs.FreeBsd)]
    [InlineData(FreeBsdInet, HostOs.FreeBsd)]
    [InlineData(FreeBsdTcp46, HostOs.FreeBsd)]
    [InlineData(OpenBsd, HostOs.Unknown)]
    public void Should_Tell_The_Os_Only_From_A_Tell_Tale(string sample, HostOs os)
    {
        Assert.Equal(os, Samples.Read(sample).Os);
    }

    [Fact]
    public void Should_Read_Tcp46_As_Dual_Stack_On_FreeBsd_Too()
    {
        var socket = On(FreeBsdTcp46, "tcp46      0      0 *.143 ");

        Assert.Equal((IpFamily.Any, "*", 143), (socket.Family, socket.Address, socket.Port));
    }

    [Fact]
    public void Should_Leave_The_Os_Unknown_When_Blanks_Were_Collapsed()
    {
        var snapshot = ReadText(string.Join(' ', Line(FreeBsdTcp46, "*.143 ").Split(' ', StringSplitOptions.RemoveEmptyEntries)));

        Assert.Equal((HostOs.Unknown, 143), (snapshot.Os, Assert.Single(snapshot.Sockets).Port));
    }

    [Fact]
    public void Should_Read_A_Scoped_Link_Local_Address_And_Its_Interface()
    {
        var socket = On(FreeBsdTcp46, "fe80::1%lo0.53 ");

        Assert.Equal(("fe80::1", "lo0", 53, false), (socket.Address, socket.Interface, socket.Port, socket.Truncated));
    }

    [Fact]
    public void Should_Let_An_Os_Line_Outrank_The_Tell_Tales()
    {
        var text = "# os: freebsd\n" + Samples.Text("samples/bsd-netstat/netstat-an-egrep-sort-macos-docker-vespa-multinode-github-20198243174.txt");

        var snapshot = ReadText(text);

        Assert.Equal(("bsd-netstat", HostOs.FreeBsd), (snapshot.Format, snapshot.Os));
    }

    [Fact]
    public void Should_Report_A_Row_Cut_Before_Its_Foreign_Address_As_Unparsed()
    {
        var row = Line(FreeBsdInet, "*.22 ");

        var unparsed = Assert.Single(ReadText(row[..row.IndexOf("*.*", StringComparison.Ordinal)]).Unparsed);

        Assert.Equal("the row ends before its local and foreign addresses", unparsed.Reason);
    }

    [Fact]
    public void Should_Report_A_Port_Out_Of_Range_As_Unparsed()
    {
        var row = Line(FreeBsdInet, "*.22 ").Replace("*.22 ", "*.99999", StringComparison.Ordinal);

        Assert.Equal("port 99999 is outside 0-65535", Assert.Single(ReadText(row).Unparsed).Reason);
    }

    [Fact]
    public void Should_Report_A_Linux_Row_In_A_Bsd_Listing_As_Unparsed_Not_Skip_It()
    {
        var linux = Line("samples/netstat/netstat-an-debian12-db.txt", "udp ");
        var text = Samples.Text(FreeBsdInet) + linux + "\n";

        var unparsed = Assert.Single(ReadText(text).Unparsed);

        Assert.Contains("is not an address.port", unparsed.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Active Internet connections (including servers)", "bsd-netstat")]
    [InlineData("Active Internet connections", "bsd-netstat")]
    [InlineData("Active Internet connections (only servers)", "netstat")]
    [InlineData("tcp          0      0  *.ssh                  *.*                    LISTEN", "bsd-netstat")]
    [InlineData("tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN", "netstat")]
    [InlineData("tcp6       0      0 :::22                   :::*                    LISTEN", "netstat")]
    public void Should_Claim_Only_Lines_Linux_Netstat_Never_Prints(string line, string format)
    {
        Assert.Equal(format, ListingFormats.Sniff(line));
    }
}
