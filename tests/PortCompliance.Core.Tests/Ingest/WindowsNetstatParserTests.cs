using System.Text;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Ingest;

/// <summary>One behaviour per test, each read from a genuine Windows netstat listing in samples/.</summary>
public sealed class WindowsNetstatParserTests
{
    private const string Anob = "samples/windows-netstat/netstat-anob-more-win10-cctc-notes-github-30484346129.txt";
    private const string Udp = "samples/windows-netstat/netstat-a-p-udp-netstat2-rs-issue7-excerpt.txt";
    private const string AnobUdp = "samples/windows-netstat/netstat-anob-win10-udp-flutter-issue53477-excerpt.txt";
    private const string Abno = "samples/windows-netstat/netstat-abno-thm-notes-github-18298981481.txt";
    private const string Chinese = "samples/windows-netstat/netstat-ano-zh-cn-billfeller-issue174-excerpt.txt";
    private const string HostNames = "samples/windows-netstat/netstat-ab-win10-hostnames-servicefabric-issue92-excerpt.txt";

    private static ListeningSocket On(string sample, string fragment) => Samples.SocketOn(Samples.Read(sample), sample, fragment);

    private static HostSnapshot Parse(string text) =>
        ListingReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), new ListingOptions("test.txt", Format: WindowsNetstatParser.Key)).Snapshot!;

    [Fact]
    public void Should_Be_Sniffed_From_Its_Title_And_Imply_Windows()
    {
        var snapshot = Samples.Read(Anob);

        Assert.Equal(("windows-netstat", HostOs.Windows), (snapshot.Format, snapshot.Os));
        Assert.Contains(3, snapshot.HeaderLines);
        Assert.Contains(5, snapshot.HeaderLines);
    }

    [Fact]
    public void Should_Read_A_Pid_Alone_As_A_Nameless_Process()
    {
        Assert.Equal(new SocketProcess(null, 4), Assert.Single(On(Anob, " 0.0.0.0:445 ").Processes));
    }

    [Fact]
    public void Should_Name_The_Process_From_The_Image_Line_And_Keep_The_Service_In_The_Evidence()
    {
        var socket = On(Anob, " 0.0.0.0:135 ");

        Assert.Equal(new SocketProcess("svchost.exe", 832), Assert.Single(socket.Processes));
        Assert.Equal((8, 10), (socket.Line, socket.LastLine));
        Assert.Contains("RpcSs", socket.Text, StringComparison.Ordinal);
        Assert.Contains("[svchost.exe]", socket.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Keep_The_Pid_When_Ownership_Cannot_Be_Obtained()
    {
        var socket = On(AnobUdp, " 0.0.0.0:2869 ");

        Assert.Equal(new SocketProcess(null, 4), Assert.Single(socket.Processes));
        Assert.Contains("Can not obtain ownership information", socket.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Read_Udp_Rows_Without_A_State_As_Bound_Sockets()
    {
        var plain = On(Udp, " 0.0.0.0:123 ");
        var withPid = On(AnobUdp, " 0.0.0.0:500 ");

        Assert.Equal((Protocol.Udp, BindScope.Wildcard, 0), (plain.Proto, plain.Scope, plain.Processes.Count));
        Assert.Equal(new SocketProcess("svchost.exe", 5364), Assert.Single(withPid.Processes));
    }

    [Fact]
    public void Should_Skip_A_Udp_Socket_Connected_To_A_Peer()
    {
        var snapshot = Samples.Read(Udp);

        Assert.Equal("connected UDP socket (to 0.0.0.94:443)", Assert.Single(snapshot.Skipped).Reason);
        Assert.DoesNotContain(snapshot.Sockets, s => s.Port == 50127);
    }

    [Fact]
    public void Should_Read_A_Listener_Whose_Foreign_Address_Is_A_Host_Name()
    {
        var socket = On(HostNames, " 0.0.0.0:1538 ");

        Assert.Equal((Protocol.Tcp, 1538), (socket.Proto, socket.Port));
        Assert.Equal("svchost.exe", Assert.Single(socket.Processes).Name);
    }

    [Fact]
    public void Should_Skip_Connections_With_Their_Owner_Lines()
    {
        var snapshot = Samples.Read(Abno);

        Assert.Contains(snapshot.Skipped, s => s.Line == 17 && s.Reason == "not listening (ESTABLISHED)");
        Assert.Contains(snapshot.Skipped, s => s.Line == 18 && s.Reason == "details of line 17");
        Assert.DoesNotContain(snapshot.Sockets, s => s.Line >= 17);
    }

    [Fact]
    public void Should_Read_Translated_Titles_And_Headers_As_Headers_And_States_As_Words()
    {
        var snapshot = Samples.Read(Chinese);

        Assert.Equal("windows-netstat", snapshot.Format);
        Assert.Equal([3, 5], snapshot.HeaderLines);
        Assert.All(snapshot.Skipped, s => Assert.Equal("not listening (TIME_WAIT)", s.Reason));
    }

    [Fact]
    public void Should_Tell_A_Listener_By_Its_Foreign_Port_Not_By_The_Word()
    {
        // The German display language prints ABHÖREN for LISTENING: the genuine row with its state word translated.
        var row = File.ReadAllLines(RepoPaths.Combine(Anob))[5].Replace("LISTENING", "ABHÖREN  ", StringComparison.Ordinal);

        var socket = Assert.Single(Parse("Aktive Verbindungen\n\n  Proto  Lokale Adresse         Remoteadresse          Status          PID\n" + row).Sockets);

        Assert.Equal((22, 2944), (socket.Port, socket.Processes[0].Pid));
    }

    [Fact]
    public void Should_Report_Elisions_Prompts_And_The_Pager_As_Unparsed()
    {
        Assert.Equal(["C:\\>netstat -abno", "[...]", "[...]"], Samples.Read(Abno).Unparsed.Select(u => u.Text));
        Assert.Contains(Samples.Read(Anob).Unparsed, u => u.Text == "-- More --");
    }

    [Fact]
    public void Should_Report_A_Cut_Row_And_A_Bad_Port_As_Unparsed_With_The_Reason()
    {
        var row = File.ReadAllLines(RepoPaths.Combine(Anob))[5];

        var cut = Assert.Single(Parse(row[..20]).Unparsed);
        var badPort = Assert.Single(Parse(row.Replace(":22 ", ":99999 ", StringComparison.Ordinal)).Unparsed);

        Assert.Equal("the row ends before its local and foreign addresses", cut.Reason);
        Assert.Equal("port 99999 is outside 0-65535", badPort.Reason);
    }
}
