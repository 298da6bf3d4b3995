using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Ingest;

/// <summary>How a listing reaches the parsers: decoding, sniffing, host names, and the junk people paste around it.</summary>
public sealed partial class ListingReaderTests
{
    private const string Db = "samples/ss/ss-lntup-debian12-db.txt";

    private static HostSnapshot ReadText(string text, string source = "pasted.txt", string? format = null)
    {
        var result = ListingReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), new ListingOptions(source, Format: format));
        var snapshot = result.Snapshot ?? throw new InvalidOperationException(string.Join("; ", result.Diagnostics));
        LineAccounting.AssertComplete(snapshot, text);
        return snapshot;
    }

    private static IEnumerable<(Protocol, string, int, string)> Keys(HostSnapshot s) =>
        s.Sockets.Select(x => (x.Proto, x.Address, x.Port, string.Join(",", x.Processes)));

    [Fact]
    public void Should_Read_A_Crlf_Listing_With_A_Bom_Like_Its_Unix_Original()
    {
        var windows = Samples.Read("samples/ss/ss-lntup-windows-crlf-bom.txt");

        Assert.StartsWith("\uFEFF", Encoding.UTF8.GetString(File.ReadAllBytes(RepoPaths.Combine("samples/ss/ss-lntup-windows-crlf-bom.txt")).AsSpan(0, 3)));
        Assert.Equal([1], windows.HeaderLines);
        Assert.Empty(windows.Unparsed);
        Assert.Equal(Keys(Samples.Read(Db)), Keys(windows));
    }

    [Fact]
    public void Should_Report_Shell_Prompts_As_Unparsed_And_Read_The_Sockets_Between_Them()
    {
        var snapshot = Samples.Read("samples/ss/ss-lntup-pasted-with-prompt.txt");

        Assert.Equal("ss", snapshot.Format);
        Assert.All(snapshot.Unparsed, u => Assert.StartsWith("root@db01:~#", u.Text));
        Assert.Equal(2, snapshot.Unparsed.Count);
        Assert.NotEmpty(snapshot.Sockets);
    }

    [Fact]
    public void Should_Report_A_Markdown_Fence_And_The_Command_Line_As_Unparsed()
    {
        var snapshot = Samples.Read("samples/ss/ss-lntup-markdown-fence.md.txt");

        Assert.Contains(snapshot.Unparsed, u => u.Text.StartsWith("```", StringComparison.Ordinal));
        Assert.Contains(snapshot.Unparsed, u => u.Text.Contains("ss -lntup", StringComparison.Ordinal));
        Assert.NotEmpty(snapshot.Sockets);
    }

    [Fact]
    public void Should_Read_Tabs_And_Trailing_Blanks_Like_Spaces()
    {
        var original = Samples.Text(Db);
        var mangled = SpaceRuns().Replace(original, "\t") .Replace("\n", " \t \n");

        Assert.Equal(Keys(Samples.Read(Db)), Keys(ReadText(mangled)));
    }

    [Fact]
    public void Should_Take_The_Host_From_A_Directive_Line()
    {
        var snapshot = ReadText("# host: db01.example.com\n" + Samples.Text(Db), "whatever.txt");

        Assert.Equal("db01.example.com", snapshot.Host);
        Assert.Equal([1, 2], snapshot.HeaderLines);
    }

    [Fact]
    public void Should_Take_The_Os_From_A_Directive_Beside_The_Host_Line_In_Either_Order()
    {
        var first = ReadText("# os: FreeBSD\n# host: db01\n" + Samples.Text(Db), "whatever.txt");
        var second = ReadText("# host: db01\n# os: darwin\n" + Samples.Text(Db), "whatever.txt");

        Assert.Equal((HostOs.FreeBsd, "db01"), (first.Os, first.Host));
        Assert.Equal((HostOs.MacOs, "db01"), (second.Os, second.Host));
        Assert.Equal([1, 2, 3], first.HeaderLines);
        Assert.Equal("db01", HostNames.Declared(new MemoryStream(System.Text.Encoding.UTF8.GetBytes("# os: linux\n# host: db01\n"))));
    }

    [Fact]
    public void Should_Report_An_Os_Directive_It_Cannot_Read_And_Keep_The_Format_Os()
    {
        var snapshot = ReadText("# os: plan9\n" + Samples.Text(Db));

        Assert.Equal(HostOs.Linux, snapshot.Os);
        var unparsed = Assert.Single(snapshot.Unparsed);
        Assert.Equal((1, "'# os:' names no OS this tool knows (linux, windows, macos, freebsd, openbsd)"), (unparsed.Line, unparsed.Reason));
    }

    [Fact]
    public void Should_Take_The_Capture_Time_From_A_Directive_Beside_The_Host_And_Os_Lines()
    {
        var first = ReadText("# captured: 2026-11-30T02:00:00Z\n# host: db01\n# os: linux\n" + Samples.Text(Db), "whatever.txt");
        var second = ReadText("# host: db01\n# captured: 2026-11-30T03:00:00+01:00\n" + Samples.Text(Db), "whatever.txt");

        Assert.Equal((new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero), "db01"), (first.CapturedAt, first.Host));
        Assert.Equal(first.CapturedAt, second.CapturedAt);
        Assert.Equal([1, 2, 3, 4], first.HeaderLines);
        Assert.Empty(first.Unparsed);
        Assert.Equal("db01", HostNames.Declared(new MemoryStream(Encoding.UTF8.GetBytes("# captured: 2026-11-30T02:00:00Z\n# host: db01\n"))));
        Assert.Null(Samples.Read(Db).CapturedAt);
    }

    [Theory]
    [InlineData("2026-11-30T02:00:00")] // no offset: another instant on every machine
    [InlineData("yesterday")]
    [InlineData("")]
    public void Should_Warn_With_File_And_Line_About_A_Capture_Time_It_Cannot_Read(string value)
    {
        var result = ListingReader.Read(new MemoryStream(Encoding.UTF8.GetBytes($"# host: db01\n# captured: {value}\n" + Samples.Text(Db))),
            new ListingOptions("db01.ss.txt"));

        Assert.Null(result.Snapshot!.CapturedAt);
        Assert.Empty(result.Snapshot.Unparsed);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(("db01.ss.txt", 2, DiagnosticSeverity.Warning), (warning.File, warning.Line, warning.Severity));
        Assert.Contains("'# captured:' needs an ISO 8601 time with an offset", warning.Message);
    }

    [Fact]
    public void Should_Prefer_The_Host_Option_Over_Directive_And_File_Name()
    {
        var result = ListingReader.Read(new MemoryStream("# host: a\n"u8.ToArray()), new ListingOptions("b.txt", Host: "c"));

        Assert.Equal("c", result.Snapshot!.Host);
    }

    [Fact]
    public void Should_Hash_The_Exact_Bytes_Of_The_Input()
    {
        var path = "samples/ss/ss-lntup-windows-crlf-bom.txt";
        var expected = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(RepoPaths.Combine(path))));

        Assert.Equal(expected, Samples.Read(path).Sha256);
    }

    [Fact]
    public void Should_Let_The_Format_Option_Override_Sniffing()
    {
        var snapshot = ReadText(Samples.Text(Db), format: "netstat");

        Assert.Equal("netstat", snapshot.Format);
        Assert.Empty(snapshot.Sockets);
        Assert.Equal(snapshot.LineCount - snapshot.HeaderLines.Count, snapshot.Unparsed.Count);
    }

    [Fact]
    public void Should_Report_Every_Line_Of_Text_That_Is_No_Listing()
    {
        var text = File.ReadAllText(RepoPaths.Combine("LICENSE"));
        var result = ListingReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), new ListingOptions("LICENSE"));

        Assert.Equal(ListingFormats.Unknown, result.Snapshot!.Format);
        Assert.Equal(LineAccounting.PhysicalLines(text).Count(l => l.Trim().Length > 0), result.Snapshot.Unparsed.Count);
        Assert.Contains("every line is reported unparsed", Assert.Single(result.Diagnostics).Message);
    }

    [Fact]
    public void Should_Refuse_Binary_Data_Naming_The_Line()
    {
        var result = ListingReader.Read(new MemoryStream("Netid State\nabc\0def\n"u8.ToArray()), new ListingOptions("core.bin"));

        Assert.Null(result.Snapshot);
        Assert.Equal("core.bin:2: error: binary data (a NUL byte): this is not an ss or bsd-netstat or netstat or sockstat or windows-netstat or powershell or tasklist or lsof listing", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void Should_Name_The_File_It_Cannot_Open()
    {
        var result = InputReader.ReadFile("/nonexistent/web01.txt", new ListingOptions("/nonexistent/web01.txt"));

        Assert.StartsWith("/nonexistent/web01.txt: error: cannot read:", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void Should_Read_An_Empty_Input_As_A_Host_With_No_Sockets()
    {
        var snapshot = ReadText("\n\n");

        Assert.Empty(snapshot.Sockets);
        Assert.Empty(snapshot.Unparsed);
    }

    [GeneratedRegex(" {2,}")]
    private static partial Regex SpaceRuns();
}
