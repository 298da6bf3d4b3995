using PortCompliance.Core.Model;
using PortCompliance.Core.Tests.Support;

namespace PortCompliance.Core.Tests.Ingest;

/// <summary>One behaviour per test, each read from a genuine netstat capture in samples/.</summary>
public sealed class NetstatParserTests
{
    private const string Db = "samples/netstat/netstat-plunt-debian12-db.txt";

    private static ListeningSocket On(string sample, string fragment) => Samples.SocketOn(Samples.Read(sample), sample, fragment);

    [Theory]
    [InlineData("tcp        0      0 0.0.0.0:22 ", Protocol.Tcp, IpFamily.IPv4, "0.0.0.0", 22, BindScope.Wildcard)]
    [InlineData("tcp6       0      0 :::22 ", Protocol.Tcp, IpFamily.IPv6, "::", 22, BindScope.Wildcard)]
    [InlineData("tcp6       0      0 ::1:6379 ", Protocol.Tcp, IpFamily.IPv6, "::1", 6379, BindScope.Loopback)]
    [InlineData("tcp        0      0 192.0.2.2:8080 ", Protocol.Tcp, IpFamily.IPv4, "192.0.2.2", 8080, BindScope.Specific)]
    [InlineData("udp        0      0 127.0.0.1:11211 ", Protocol.Udp, IpFamily.IPv4, "127.0.0.1", 11211, BindScope.Loopback)]
    public void Should_Read_Protocol_Family_And_Address(string fragment, Protocol proto, IpFamily family, string address, int port, BindScope scope)
    {
        var socket = On(Db, fragment);

        Assert.Equal((proto, family, address, port, scope), (socket.Proto, socket.Family, socket.Address, socket.Port, socket.Scope));
    }

    [Theory]
    [InlineData(Db, " 0.0.0.0:80 ", "nginx: master", 4136)]
    [InlineData(Db, " 0.0.0.0:22 ", "sshd: /usr/sbi", 4119)]
    [InlineData("samples/netstat/netstat-tulpnW-debian12-db.txt", " 0.0.0.0:80 ", "nginx: master", 4136)]
    [InlineData("samples/netstat/netstat-tulpen-debian12-db.txt", " 0.0.0.0:5432 ", "postgres", 7600)]
    public void Should_Keep_Program_Names_With_Spaces_And_Colons(string sample, string fragment, string name, int pid)
    {
        Assert.Equal(new SocketProcess(name, pid), Assert.Single(On(sample, fragment).Processes));
    }

    [Fact]
    public void Should_Read_A_Dash_As_Unknown_Process_And_The_Root_Note_As_A_Header()
    {
        const string sample = "samples/netstat/netstat-tulpn-nonroot-debian12-db.txt";
        var snapshot = Samples.Read(sample);

        Assert.Equal([1, 2, 3, 4], snapshot.HeaderLines);
        Assert.Empty(snapshot.Unparsed);
        Assert.Contains(snapshot.Sockets, s => s.Processes.Count == 0);
    }

    [Fact]
    public void Should_Read_Sockets_Without_A_Process_Column()
    {
        var snapshot = Samples.Read("samples/netstat/netstat-tuln-debian12-db.txt");

        Assert.NotEmpty(snapshot.Sockets);
        Assert.All(snapshot.Sockets, s => Assert.Empty(s.Processes));
        Assert.Empty(snapshot.Unparsed);
    }

    [Theory]
    [InlineData("samples/netstat/netstat-tunap-debian12-db.txt")]
    [InlineData("samples/netstat/netstat-an-debian12-db.txt")]
    public void Should_Skip_Established_And_Unix_Rows(string sample)
    {
        var snapshot = Samples.Read(sample);
        var lines = Samples.Text(sample).Split('\n');
        var established = Enumerable.Range(1, lines.Length).Where(n => lines[n - 1].Contains(" ESTABLISHED")).ToHashSet();

        Assert.NotEmpty(established);
        Assert.All(established, n => Assert.Contains(snapshot.Skipped, s => s.Line == n && s.Reason == "not listening (ESTABLISHED)"));
        Assert.DoesNotContain(snapshot.Sockets, s => established.Contains(s.Line));
        Assert.Empty(snapshot.Unparsed);
    }

    [Fact]
    public void Should_Skip_Unix_Domain_Sockets_In_The_Second_Section()
    {
        var snapshot = Samples.Read("samples/netstat/netstat-an-debian12-db.txt");

        Assert.Contains(snapshot.Skipped, s => s.Reason == "unix-domain socket");
    }

    [Theory]
    [InlineData("tcp        0      0 0.0.0.0:ssh ", 22, "ssh", IpFamily.IPv4, "0.0.0.0")]
    [InlineData("tcp6       0      0 [::]:https ", 443, "https", IpFamily.IPv6, "::")]
    public void Should_Turn_Service_Names_Into_Ports(string fragment, int port, string name, IpFamily family, string address)
    {
        var socket = On("samples/netstat/netstat-tul-debian12-db.txt", fragment);

        Assert.Equal((port, name, family, address), (socket.Port, socket.PortName, socket.Family, socket.Address));
    }

    [Fact]
    public void Should_Report_A_Header_Glued_To_Page_Text_As_Unparsed_And_Read_The_Rows()
    {
        var snapshot = Samples.Read("samples/docs/seed003-netstat-plunt-raw.txt");

        Assert.Equal("netstat", snapshot.Format);
        Assert.Equal(1, Assert.Single(snapshot.Unparsed).Line);
        Assert.Equal([22, 22], snapshot.Sockets.Select(s => s.Port));
    }

    [Fact]
    public void Should_Mark_The_Host_Collected_Without_Root_From_Its_Note()
    {
        var snapshot = Samples.Read("samples/netstat/netstat-tulpn-nonroot-debian12-db.txt");

        Assert.True(snapshot.CollectedWithoutRoot);
        Assert.Equal((1, "(Not all processes could be identified, non-owned process info"), (snapshot.WithoutRootLine, snapshot.WithoutRootNote));
        Assert.False(Samples.Read(Db).CollectedWithoutRoot);
    }

    [Fact]
    public void Should_Report_A_Ci_Section_Marker_As_Unparsed()
    {
        var lines = Samples.Text(Db).Split('\n').ToList();
        lines.Insert(2, "===== 3. netstat -plunt =====");
        var text = string.Join("\n", lines);

        var snapshot = Core.Ingest.ListingReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), new Core.Ingest.ListingOptions("test.txt")).Snapshot!;

        Assert.Equal((3, "not a netstat row"), (Assert.Single(snapshot.Unparsed).Line, snapshot.Unparsed[0].Reason));
        Assert.Equal(Samples.Read(Db).Sockets.Count, snapshot.Sockets.Count);
        LineAccounting.AssertComplete(snapshot, text);
    }
}
