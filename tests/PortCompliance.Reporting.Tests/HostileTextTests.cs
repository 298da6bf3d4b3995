using System.Diagnostics;
using System.Text;
using PortCompliance.Reporting.Csv;
using PortCompliance.Reporting.Json;
using PortCompliance.Reporting.Model;
using PortCompliance.Reporting.Tests.Support;

namespace PortCompliance.Reporting.Tests;

/// <summary>
/// Text a compromised host sends that is an attack on the report rather than on a parser: a process name of one
/// unbroken 200 KB or 2 MB token (a 2 MB line no longer gets past the reader's line cap; the model is given one anyway) (the PDF took 28 s and 5.4 GB, or failed), controls and bidi overrides that make a
/// name read as another, and host names Windows opens as devices. All start from the genuine database listing.
/// </summary>
public sealed class HostileTextTests
{
    private const string Sample = "samples/ss/ss-lntup-debian12-db.txt";

    [Theory]
    [InlineData(200 * 1024)]
    [InlineData(2 * 1024 * 1024)]
    public void Should_Render_A_Pdf_Showing_A_Capped_Token_When_A_Process_Name_Is_Megabytes_Long(int length)
    {
        // A listing line that long is refused by the reader (one unparsed line naming its length), so the process name
        // is put into the genuine snapshot after reading: the renderers must hold whatever text a model carries.
        var token = string.Concat(Enumerable.Repeat("A1b2C3d4", length / 8));
        var read = Reports.Read(Sample);
        var host = read with
        {
            Sockets = [.. read.Sockets.Select(s => s with { Processes = [.. s.Processes.Select(p => p.Name == "python3" ? p with { Name = token } : p)] })],
        };
        Assert.Contains(host.Sockets, s => s.Processes.Any(p => p.Name == token));
        var model = Reports.Of([host], null);

        var clock = Stopwatch.StartNew();
        var (pdf, _) = Render.Pdf(model);
        clock.Stop();

        var text = Poppler.Text(pdf);
        Assert.Contains($"({length} characters)", text);
        Assert.DoesNotContain(token[..(DisplayText.MaxToken + 1)], text.Replace("\n", "", StringComparison.Ordinal));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the PDF took {clock.Elapsed}: long tokens must break in linear time");
        Assert.Contains(token, Encoding.UTF8.GetString(Reports.Render(new JsonRenderer(), model)["results.json"]));
    }

    [Fact]
    public void Should_Cap_A_Long_Token_Visibly_In_The_Html_And_Keep_It_Whole_In_The_Csv()
    {
        var token = new string('x', 200 * 1024);
        var model = Reports.Of([Reports.Read(Sample, edit: t => t.Replace("\"python3\"", $"\"{token}\"", StringComparison.Ordinal))], null);

        var html = Reports.Html(model);
        var csv = Encoding.UTF8.GetString(Reports.Render(new CsvRenderer(), model)["sockets.csv"]);

        Assert.Contains($"{new string('x', DisplayText.MaxToken)}…({token.Length} characters)", html);
        Assert.DoesNotContain(new string('x', DisplayText.MaxToken + 1), html);
        Assert.Contains(token, csv);
    }

    [Fact]
    public void Should_Keep_A_Control_Lists_Many_Short_Hosts_Whole()
    {
        var hosts = string.Join(" ", Enumerable.Range(1, 900).Select(i => $"host{i:000},"));

        Assert.Equal(hosts, DisplayText.Cap(hosts));
    }

    [Theory]
    [InlineData("\u202E", @"\u202E")]
    [InlineData("\u0000", @"\x00")]
    [InlineData("\u001B[31m", @"\x1b[31m")]
    [InlineData("\u200B", @"\u200B")]
    public void Should_Show_Controls_And_Bidi_Overrides_Visibly_In_Html_And_Csv(string hostile, string shown)
    {
        // A listing with a NUL byte is refused as binary, so NUL can only come in the host name (--host).
        var inProcess = hostile != "\u0000";
        var db = Reports.Read(Sample, host: $"db{hostile}gnp.exe",
            edit: t => t.Replace("\"sshd\"", inProcess ? $"\"=sshd{hostile}\"" : "\"=sshd\"", StringComparison.Ordinal));
        var model = Reports.Of([db], null);

        var html = Reports.Html(model);
        var files = Reports.Render(new CsvRenderer(), model);
        var findings = Encoding.UTF8.GetString(files["findings.csv"]);
        var sockets = Encoding.UTF8.GetString(files["sockets.csv"]);

        foreach (var (name, text) in new[] { ("report.html", html), ("findings.csv", findings), ("sockets.csv", sockets) })
        {
            Assert.False(text.Contains(hostile, StringComparison.Ordinal), $"{name} holds the raw {shown}");
            Assert.Contains($"db{shown}gnp.exe", text);
        }

        Assert.Contains(inProcess ? $"sshd{shown}" : "sshd", html);
        Assert.Contains(inProcess ? $"'=sshd{shown}" : "'=sshd", sockets);    // the formula is still defused
    }

    [Theory]
    [InlineData("con")]
    [InlineData("NUL")]
    [InlineData("aux")]
    [InlineData("prn")]
    [InlineData("com1")]
    [InlineData("LPT9")]
    [InlineData("con.example")]
    [InlineData("nul.corp.example")]
    public void Should_Not_Name_A_Host_Report_After_A_Windows_Device(string host)
    {
        var anchor = ReportModelBuilder.FleetAnchors([host, "db01"])[0];
        var file = Path.GetFileName(FleetSummary.HostReport(anchor, ".pdf"));

        var stem = file[..file.IndexOf('.', StringComparison.Ordinal)];
        Assert.DoesNotContain(stem, new[] { "con", "prn", "aux", "nul", "com1", "lpt9" });
        Assert.StartsWith(host.ToLowerInvariant().Split('.')[0] + "-", file);
    }

    [Fact]
    public void Should_Keep_Ordinary_Host_Names_As_Their_Report_Names()
    {
        Assert.Equal(["h-db01", "h-console", "h-com10", "h-web.example"], ReportModelBuilder.FleetAnchors(["db01", "console", "com10", "web.example"]));
    }
}
