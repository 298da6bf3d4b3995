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

    // PowerShell 7.6.9's own serializer output of the values of the genuine samples above (samples/powershell/convert.ps1).
    private const string FromAll = "pwsh7.6.9-from-Get-NetTCPConnection-default-table-thm-p1r4t3-github-54943218571.txt";
    private const string FromListen = "pwsh7.6.9-from-Get-NetTCPConnection-Where-State-Listen-default-table-github-9309247645.txt";
    private const string FromUdp = "pwsh7.6.9-from-netstat-anob-win10-udp-flutter-issue53477-excerpt.txt";
    private const string FromNetstatB = "pwsh7.6.9-from-netstat-anob-more-win10-cctc-notes-github-30484346129.txt";

    private static string Pwsh(string shape, string from) => $"samples/powershell/{shape}-{from}";

    private static HostSnapshot Text(string text) =>
        ListingReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), new ListingOptions("test.txt")).Snapshot!;

    /// <summary>What the audit keeps of each socket, to compare one shape of a listing with another.</summary>
    private static List<(Protocol, string, int, int?, string?)> Keys(HostSnapshot snapshot) =>
        [.. snapshot.Sockets.Select(s => (s.Proto, s.Address, s.Port, s.Processes.SingleOrDefault()?.Pid, s.Processes.SingleOrDefault()?.Name))];

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

    [Theory]
    [InlineData("ConvertTo-Json", FromAll, 20)]
    [InlineData("ConvertTo-Json", FromListen, 18)]
    [InlineData("ConvertTo-Json-EnumsAsStrings", FromAll, 20)]
    public void Should_Read_A_ConvertTo_Json_Array_As_The_Table_It_Came_From(string shape, string from, int count)
    {
        var json = Samples.Read(Pwsh(shape, from));
        var table = Samples.Read(from.Contains("thm", StringComparison.Ordinal) ? All : Listen);

        Assert.Equal(("powershell", HostOs.Windows, count), (json.Format, json.Os, json.Sockets.Count));
        Assert.Equal(Keys(table), Keys(json));
        Assert.Equal(2, json.Sockets[0].Line); // the object's opening brace
        Assert.Empty(json.Unparsed);
    }

    [Fact]
    public void Should_Read_A_Single_ConvertTo_Json_Object()
    {
        var socket = Assert.Single(Samples.Read(Pwsh("ConvertTo-Json-one-object", FromListen)).Sockets);

        Assert.Equal((Protocol.Tcp, "::", 49669, 1), (socket.Proto, socket.Address, socket.Port, socket.Line));
        Assert.Equal(new SocketProcess(null, 844), Assert.Single(socket.Processes));
    }

    [Fact]
    public void Should_Read_Every_Object_Of_A_Compressed_Array_On_Its_One_Line()
    {
        var snapshot = Samples.Read(Pwsh("ConvertTo-Json-Compress", FromListen));

        Assert.Equal(Keys(Samples.Read(Listen)), Keys(snapshot));
        Assert.All(snapshot.Sockets, s => Assert.Equal(1, s.Line));
    }

    [Fact]
    public void Should_Read_Json_Written_By_Out_File_With_A_Bom()
    {
        var path = Pwsh("ConvertTo-Json-Out-File-utf8BOM", FromListen);
        var snapshot = Samples.Read(path);

        Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(RepoPaths.Combine(path))[..3]);
        Assert.Equal("powershell", snapshot.Format);
        Assert.Equal(Keys(Samples.Read(Listen)), Keys(snapshot));
    }

    [Theory]
    [InlineData("ConvertTo-Json")] // State as ConvertTo-Json writes an enum: 2, 100, 3, 5
    [InlineData("ConvertTo-Json-EnumsAsStrings")] // Listen, Bound, SynSent, Established
    public void Should_Read_State_As_A_Number_Or_A_Name_And_Skip_Bound_And_Connections(string shape)
    {
        var snapshot = Samples.Read(Pwsh(shape, FromAll));
        var reasons = snapshot.Skipped.Where(s => !s.Reason.StartsWith("details", StringComparison.Ordinal)).Select(s => (s.Line, s.Reason));

        Assert.Equal([(101, "bound, not listening (Bound)"), (110, "not listening (SynSent)"), (191, "not listening (Established)")], reasons);
    }

    [Fact]
    public void Should_Count_The_Closing_Brace_Of_A_Skipped_Object_As_Its_Continuation()
    {
        var snapshot = Samples.Read(Pwsh("ConvertTo-Json", FromAll));

        Assert.Equal(
            [(101, "bound, not listening (Bound)"), .. Enumerable.Range(102, 8).Select(l => (l, "details of line 101"))],
            snapshot.Skipped.Where(s => s.Line is >= 101 and <= 109).Select(s => (s.Line, s.Reason)));
    }

    [Fact]
    public void Should_Take_Nested_Cim_Objects_As_Part_Of_The_Object_Not_As_Its_Properties()
    {
        // CimInstanceProperties holds {"Name": "LocalAddress", "Value": …}: neither a process name nor a second socket.
        var snapshot = Samples.Read(Pwsh("ConvertTo-Json-Depth3-nested", FromAll));

        Assert.Equal(Keys(Samples.Read(All)), Keys(snapshot));
        Assert.All(snapshot.Sockets, s => Assert.Null(Assert.Single(s.Processes).Name));
        Assert.Empty(snapshot.Unparsed);
    }

    [Fact]
    public void Should_Read_Windows_PowerShell_5_1_Json_With_Padded_Colons_And_Four_Space_Indents()
    {
        var pwsh = Samples.Text(Pwsh("ConvertTo-Json", FromListen));
        var windows51 = string.Join("\n", pwsh.Split('\n').Select(l => new string(' ', 2 * (l.Length - l.TrimStart().Length)) + l.TrimStart().Replace("\": ", "\":  ", StringComparison.Ordinal)));

        Assert.Equal(Keys(Samples.Read(Listen)), Keys(Text(windows51)));
    }

    [Theory]
    [InlineData("Export-Csv-NoTypeInformation", 1)]
    [InlineData("Export-Csv-IncludeTypeInformation", 2)] // #TYPE …CimInstance#ROOT/StandardCimv2/MSFT_NetTCPConnection
    [InlineData("ConvertTo-Csv", 1)]
    public void Should_Read_Csv_With_Or_Without_The_Type_Line(string shape, int header)
    {
        var snapshot = Samples.Read(Pwsh(shape, FromAll));

        Assert.Equal(Enumerable.Range(1, header), snapshot.HeaderLines);
        Assert.Equal(Keys(Samples.Read(All)), Keys(snapshot));
        Assert.Equal([header + 12, header + 13, header + 22], snapshot.Skipped.Select(s => s.Line));
    }

    [Fact]
    public void Should_Read_A_Format_List_Block_As_One_Socket_From_Its_First_Line()
    {
        var snapshot = Samples.Read(Pwsh("Format-List", FromAll));

        Assert.Equal(Keys(Samples.Read(All)), Keys(snapshot));
        Assert.Equal([2, 10], snapshot.Sockets.Take(2).Select(s => s.Line));
        Assert.Equal(
            [(90, "bound, not listening (Bound)"), .. Enumerable.Range(91, 6).Select(l => (l, "details of line 90"))],
            snapshot.Skipped.Where(s => s.Line is >= 90 and <= 96).Select(s => (s.Line, s.Reason)));
    }

    [Fact]
    public void Should_Read_An_AutoSize_Table_Whose_Right_Aligned_Cells_Are_Wider_Than_Their_Dashes()
    {
        const string sample = "samples/powershell/Format-Table-AutoSize-" + FromAll;
        var snapshot = Samples.Read(sample);

        Assert.Equal(Keys(Samples.Read(All)), Keys(snapshot));
        Assert.Contains((16, "not listening (SynSent)"), snapshot.Skipped.Select(s => (s.Line, s.Reason)));
        Assert.Equal(139, On(sample, "10.10.159.242       139").Port);
    }

    [Theory]
    [InlineData("Get-NetUDPEndpoint-Format-Table")]
    [InlineData("Get-NetUDPEndpoint-ConvertTo-Json")]
    [InlineData("Get-NetUDPEndpoint-Export-Csv-IncludeTypeInformation")]
    public void Should_Read_An_Object_Without_State_Or_Peer_As_A_Udp_Endpoint(string shape)
    {
        var snapshot = Samples.Read(Pwsh(shape, FromUdp));

        Assert.Equal(
            [(Protocol.Udp, "0.0.0.0", 500, 5364, null), (Protocol.Udp, "0.0.0.0", 1900, 4812, null), (Protocol.Udp, "0.0.0.0", 3702, 3128, null),
             (Protocol.Udp, "0.0.0.0", 3702, 3128, null), (Protocol.Udp, "0.0.0.0", 3702, 2720, null), (Protocol.Udp, "0.0.0.0", 3702, 2720, null)],
            Keys(snapshot));
    }

    [Theory]
    [InlineData("Select-Object-Process-Format-Table-AutoSize")]
    [InlineData("Select-Object-Process-ConvertTo-Json")]
    public void Should_Name_The_Process_From_A_Calculated_Process_Column(string shape)
    {
        var snapshot = Samples.Read(Pwsh(shape, FromNetstatB));

        Assert.Equal(
            [(Protocol.Tcp, "0.0.0.0", 22, 2944, "sshd"), (Protocol.Tcp, "0.0.0.0", 135, 832, "svchost"), (Protocol.Tcp, "0.0.0.0", 445, 4, null),
             (Protocol.Tcp, "0.0.0.0", 3389, 304, "svchost"), (Protocol.Tcp, "0.0.0.0", 5040, 4456, null)],
            Keys(snapshot));
    }

    [Fact]
    public void Should_Keep_A_Cut_Address_In_An_AutoSize_Table_As_Shown_And_Mark_It_Truncated()
    {
        var lines = File.ReadAllLines(RepoPaths.Combine("samples/powershell/Format-Table-AutoSize-" + FromAll));
        var socket = Assert.Single(Text(string.Join("\n", lines[1], lines[2], lines[22].Replace("10.10.159.242", "10.10.159.2…", StringComparison.Ordinal))).Sockets);

        Assert.Equal(("10.10.159.2…", true, 139), (socket.Address, socket.Truncated, socket.Port));
    }

    [Fact]
    public void Should_Report_A_Json_Object_With_A_Bad_Port_As_Unparsed_Line_By_Line()
    {
        var text = Samples.Text(Pwsh("ConvertTo-Json-one-object", FromListen)).Replace("49669", "99999", StringComparison.Ordinal);
        var snapshot = Text(text);

        Assert.Empty(snapshot.Sockets);
        Assert.Equal("LocalPort '99999' is not a number in 0-65535", snapshot.Unparsed[0].Reason);
        Assert.Equal(Enumerable.Range(1, 9), snapshot.Unparsed.Select(u => u.Line));
        Assert.All(snapshot.Unparsed.Skip(1), u => Assert.StartsWith("part of the object at line 1: LocalPort", u.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Report_A_Json_Object_That_Never_Closes_As_Unparsed()
    {
        var text = string.Join("\n", Samples.Text(Pwsh("ConvertTo-Json", FromListen)).Split('\n')[..6]);
        var snapshot = Text(text);

        Assert.Empty(snapshot.Sockets);
        Assert.Contains("never closes", snapshot.Unparsed.Single(u => u.Line == 2).Reason, StringComparison.Ordinal);
    }
}
