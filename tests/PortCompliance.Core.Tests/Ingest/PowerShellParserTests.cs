using System.Text;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Ingest;

/// <summary>One behaviour per test, each read from a genuine PowerShell capture in samples/.</summary>
public sealed class PowerShellParserTests
{
    private const string Narrow = "samples/powershell/Get-NetTCPConnection-LocalPort22-narrow-table-ko-blog-github-36358492321.txt";
    private const string All = "samples/powershell/Get-NetTCPConnection-default-table-thm-p1r4t3-github-54943218571.txt";
    private const string Listen = "samples/powershell/Get-NetTCPConnection-Where-State-Listen-default-table-github-9309247645.txt";
    private const string ThenProcess = "samples/powershell/Get-NetTCPConnection-filter-then-Get-Process-list-zh-cn-github-20240640580.txt";

    private static ListeningSocket On(string sample, string fragment) => Samples.SocketOn(Samples.Read(sample), sample, fragment);

    /// <summary>The sample's header, underline and one of its rows, changed by <paramref name="edit"/>.</summary>
    private static HostSnapshot Row(string sample, int row, Func<string, string> edit)
    {
        var lines = File.ReadAllLines(RepoPaths.Combine(sample));
        var text = string.Join("\n", lines[2], lines[3], edit(lines[row - 1]));
        return ListingReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), new ListingOptions("test.txt")).Snapshot!;
    }

    [Fact]
    public void Should_Be_Sniffed_From_The_Table_Header_And_Imply_Windows()
    {
        var snapshot = Samples.Read(Listen);

        Assert.Equal(("powershell", HostOs.Windows), (snapshot.Format, snapshot.Os));
        Assert.Equal([3, 4], snapshot.HeaderLines);
    }

    [Theory]
    [InlineData(Narrow, "::             22 ", "::", IpFamily.IPv6, 22, 5584)]
    [InlineData(Narrow, "0.0.0.0        22 ", "0.0.0.0", IpFamily.IPv4, 22, 5584)]
    [InlineData(Listen, "192.168.122.183 ", "192.168.122.183", IpFamily.IPv4, 139, 4)]
    public void Should_Find_Columns_From_The_Underline_Whatever_Their_Width(string sample, string fragment, string address, IpFamily family, int port, int pid)
    {
        var socket = On(sample, fragment);

        Assert.Equal((Protocol.Tcp, address, family, port), (socket.Proto, socket.Address, socket.Family, socket.Port));
        Assert.Equal(new SocketProcess(null, pid), Assert.Single(socket.Processes));
    }

    [Fact]
    public void Should_Skip_Bound_And_Connected_Sockets_With_Their_State()
    {
        var snapshot = Samples.Read(All);

        Assert.Equal(
            [(16, "bound, not listening (Bound)"), (17, "not listening (SynSent)"), (26, "not listening (Established)")],
            snapshot.Skipped.Select(s => (s.Line, s.Reason)));
        Assert.Equal(20, snapshot.Sockets.Count);
    }

    [Fact]
    public void Should_Report_The_Command_Line_As_Unparsed()
    {
        var unparsed = Assert.Single(Samples.Read(Listen).Unparsed);

        Assert.Equal((1, "a command line, not its output"), (unparsed.Line, unparsed.Reason));
    }

    [Fact]
    public void Should_Report_A_List_That_Is_No_Connection_As_Unparsed_Line_By_Line()
    {
        var snapshot = Samples.Read(ThenProcess);

        Assert.Equal(new SocketProcess(null, 18908), Assert.Single(Assert.Single(snapshot.Sockets).Processes));
        Assert.Equal([7, 8, 9, 10, 11], snapshot.Unparsed.Where(u => u.Line > 1).Select(u => u.Line));
        Assert.StartsWith("no LocalAddress and LocalPort", snapshot.Unparsed.Single(u => u.Line == 7).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Keep_A_Cut_Address_As_Shown_And_Mark_It_Truncated()
    {
        var socket = Assert.Single(Row(Listen, 21, l => l.Replace("192.168.122.183 ", "192.168.12…     ", StringComparison.Ordinal)).Sockets);

        Assert.Equal(("192.168.12…", true), (socket.Address, socket.Truncated));
    }

    [Fact]
    public void Should_Report_A_Cut_Row_And_A_Bad_Port_As_Unparsed_With_The_Reason()
    {
        var cut = Assert.Single(Row(Listen, 22, l => l[..45]).Unparsed);
        var badPort = Assert.Single(Row(Listen, 22, l => l.Replace(" 135 ", " 99999 ", StringComparison.Ordinal)).Unparsed);

        Assert.Equal("no value in the State column: the row is cut short", cut.Reason);
        Assert.Equal("LocalPort '99999' is not a number in 0-65535", badPort.Reason);
    }
}
