using System.Text;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Tests.Support;

namespace PortCompliance.Core.Tests.Ingest;

/// <summary>One behaviour per test, each read from a genuine FreeBSD sockstat listing in samples/.</summary>
public sealed class SockstatParserTests
{
    private const string Prefork = "samples/sockstat/sockstat-4-freebsd-ns1-prefork-httpd-github-9413281242.txt";
    private const string Plain = "samples/sockstat/sockstat-freebsd-ns1-github-9413281242.txt";
    private const string Old = "samples/sockstat/sockstat-Ptcp-freebsd-perkeep-ident-test-go.txt";

    private static ListeningSocket On(string sample, string fragment) => Samples.SocketOn(Samples.Read(sample), sample, fragment);

    private static HostSnapshot ReadText(string text)
    {
        var snapshot = ListingReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), new ListingOptions("pasted.txt")).Snapshot!;
        LineAccounting.AssertComplete(snapshot, text);
        return snapshot;
    }

    private static string Header(string sample) => File.ReadLines(PortCompliance.Tests.Shared.RepoPaths.Combine(sample)).First();

    private static string Line(string sample, string fragment) =>
        File.ReadLines(PortCompliance.Tests.Shared.RepoPaths.Combine(sample)).First(l => l.Contains(fragment, StringComparison.Ordinal));

    [Fact]
    public void Should_Fold_Prefork_Workers_Into_The_Socket_They_Share()
    {
        var snapshot = Samples.Read(Prefork);
        var http = On(Prefork, "917   4  tcp4   *:80 ");

        Assert.Equal([917, 916, 915, 914, 913, 894], http.Processes.Select(p => p.Pid!.Value));
        Assert.All(http.Processes, p => Assert.Equal("httpd", p.Name));
        Assert.Equal([4, 5, 6, 7, 8], snapshot.FoldedLines);
        Assert.Single(snapshot.Sockets, s => s.Port == 80);
    }

    [Fact]
    public void Should_Keep_Tcp4_And_Tcp6_On_One_Port_Apart()
    {
        var snapshot = Samples.Read(Old);

        Assert.Equal([IpFamily.IPv4, IpFamily.IPv6], snapshot.Sockets.Where(s => s.Port == 80).Select(s => s.Family));
        Assert.All(snapshot.Sockets.Where(s => s.Port == 80), s => Assert.Equal(["nginx", "nginx"], s.Processes.Select(p => p.Name)));
    }

    [Fact]
    public void Should_Give_A_Question_Mark_Row_No_Process_And_Never_Fold_It()
    {
        var snapshot = Samples.Read(Old);

        Assert.Empty(On(Old, "tcp4   *:895 ").Processes);
        Assert.Empty(On(Old, "tcp6   *:777 ").Processes);
        Assert.Equal(2, snapshot.Sockets.Count(s => s.Processes.Count == 0));
    }

    [Fact]
    public void Should_Read_Old_Tcp4_6_As_Dual_Stack()
    {
        var socket = On(Old, "tcp4 6 *:3179");

        Assert.Equal((IpFamily.Any, "*", 3179), (socket.Family, socket.Address, socket.Port));
    }

    [Fact]
    public void Should_Split_A_Pid_Glued_To_A_Ten_Character_Command()
    {
        Assert.Equal(new SocketProcess("spc in nam", 63210), Assert.Single(On(Old, "nam63210 3 tcp4 *:9000").Processes));
        Assert.Equal(new SocketProcess("camlistore", 10941), Assert.Single(On(Old, "camlistore10941").Processes));
    }

    [Fact]
    public void Should_Report_Local_And_Foreign_Addresses_Run_Together_As_Unparsed()
    {
        var unparsed = Samples.Read(Old).Unparsed;

        Assert.Contains(unparsed, u => u.Text.Contains("192.168.123.5:9000192.168.123.21:49866", StringComparison.Ordinal)
                                       && u.Reason.Contains("run together", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tcp6   *:22 ", Protocol.Tcp, IpFamily.IPv6, "*", 22, BindScope.Wildcard)]
    [InlineData("tcp4   *:22 ", Protocol.Tcp, IpFamily.IPv4, "*", 22, BindScope.Wildcard)]
    [InlineData("udp4   192.168.5.2:53 ", Protocol.Udp, IpFamily.IPv4, "192.168.5.2", 53, BindScope.Specific)]
    [InlineData("udp6   *:514 ", Protocol.Udp, IpFamily.IPv6, "*", 514, BindScope.Wildcard)]
    public void Should_Read_Protocol_Family_And_Address(string fragment, Protocol proto, IpFamily family, string address, int port, BindScope scope)
    {
        var socket = On(Plain, fragment);

        Assert.Equal((proto, family, address, port, scope), (socket.Proto, socket.Family, socket.Address, socket.Port, socket.Scope));
    }

    [Fact]
    public void Should_Keep_User_Names_Out_And_Command_Names_As_Shown()
    {
        Assert.Equal(new SocketProcess("tor", 1014), Assert.Single(On(Plain, "_tor     tor        1014  5").Processes));
    }

    [Fact]
    public void Should_Skip_Connections_And_Unix_Domain_Rows_Not_Unparse_Them()
    {
        var snapshot = Samples.Read(Plain);

        Assert.Equal([(2, "not listening (connected)"), (3, "unix-domain socket"), (14, "unix-domain socket")],
            snapshot.Skipped.Select(s => (s.Line, s.Reason)));
        Assert.Empty(snapshot.Unparsed);
    }

    [Fact]
    public void Should_Read_The_Newer_Layout_With_Right_Aligned_Pids_And_Tcp46()
    {
        const string sample = "samples/sockstat/sockstat-4-l-freebsd-bravo-terminal-log-github-55234939351.txt";

        var imap = On(sample, "couriertcp  2020 3   tcp46  *:143 ");

        Assert.Equal((IpFamily.Any, 143), (imap.Family, imap.Port));
        Assert.Equal(new SocketProcess("couriertcp", 2020), Assert.Single(imap.Processes));
        Assert.Equal(11, On(sample, "10282 4   tcp4   *:80 ").Processes.Count);
    }

    [Fact]
    public void Should_Report_A_Row_Cut_Inside_Its_Foreign_Address_As_Unparsed()
    {
        const string sample = "samples/sockstat/sockstat-P-tcp-4-p-2049-freenas-github-34227814656.txt";

        var unparsed = Assert.Single(Samples.Read(sample).Unparsed);

        Assert.Equal((4, "foreign address '10.234.6.' is no address:port (the row may be cut short)"), (unparsed.Line, unparsed.Reason));
    }

    [Fact]
    public void Should_Say_FreeBsd()
    {
        Assert.Equal(HostOs.FreeBsd, Samples.Read(Plain).Os);
    }

    [Fact]
    public void Should_Report_A_Row_Cut_After_Its_Local_Address_As_Unparsed()
    {
        var row = Line(Prefork, "828   5  tcp4   *:22 ");
        var text = Header(Prefork) + "\n" + row[..row.IndexOf("*:*", StringComparison.Ordinal)];

        var unparsed = Assert.Single(ReadText(text).Unparsed);

        Assert.Contains("run together, or the foreign one is missing", unparsed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Report_A_Port_Out_Of_Range_As_Unparsed()
    {
        var text = Header(Prefork) + "\n" + Line(Prefork, "828   5  tcp4   *:22 ").Replace("*:22 ", "*:70000", StringComparison.Ordinal);

        Assert.Equal("port 70000 is outside 0-65535", Assert.Single(ReadText(text).Unparsed).Reason);
    }
}
