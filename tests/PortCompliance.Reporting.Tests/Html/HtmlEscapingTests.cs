using PortCompliance.Reporting.Model;
using PortCompliance.Reporting.Tests.Support;

namespace PortCompliance.Reporting.Tests.Html;

/// <summary>Text from a host is untrusted: every template writes it escaped, wherever it lands on the page.</summary>
public sealed class HtmlEscapingTests
{
    private static readonly string[] Escaped =
    [
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;",
        "&lt;svg onload&#x3D;window.__xss&#x3D;1&gt;",
    ];

    private static readonly Lazy<ReportModel> Model = new(() => Hostile.Model());
    private static readonly Lazy<string> Page = new(() => Support.Reports.Html(Model.Value, Hostile.Options));

    [Fact]
    public void Should_Read_The_Payloads_Into_The_Model_Before_Rendering_Them()
    {
        var host = Assert.Single(Model.Value.Hosts, h => h.Host == Hostile.Host);

        Assert.Equal(Hostile.Source, host.Source);
        foreach (var payload in Hostile.Payloads)
        {
            Assert.Contains(host.Sockets, s => s.Processes.Contains(payload, StringComparison.Ordinal));
            Assert.Contains(host.Findings, f => f.EvidenceText!.Contains(payload, StringComparison.Ordinal));
        }

        Assert.Contains(Model.Value.Evidence, e => e.Unparsed.Any(u => u.Text.Contains(Hostile.Script, StringComparison.Ordinal)));
        Assert.Contains(Model.Value.Waivers, w => w.Reason.Contains(Hostile.Script, StringComparison.Ordinal));
        Assert.Contains(Model.Value.Register.Rows, r => r.Justification.Text.Contains(Hostile.Script, StringComparison.Ordinal));
        Assert.Contains(Model.Value.WaiverRecords, w => w.Approval.CompensatingControl.Text.Contains(Hostile.Script, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Never_Write_A_Payload_Unescaped()
    {
        foreach (var raw in new[] { "<script>alert", "<img", "<svg onload", "onerror=", "onload=", "=HYPERLINK(\"" })
        {
            Assert.DoesNotContain(raw, Page.Value, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("&#x3D;HYPERLINK(&quot;http://x&quot;)", Page.Value);
    }

    [Theory]
    [InlineData("<header class=\"cover\"", "</header>")]
    [InlineData("<div class=\"filters\"", "</datalist>")]
    [InlineData("<section id=\"summary\"", "<section id=\"hosts\"")]
    [InlineData("<section id=\"hosts\"", "<section id=\"controls\"")]
    [InlineData("<section id=\"controls\"", "<section id=\"register\"")]
    [InlineData("<section id=\"register\"", "<section id=\"waivers\"")]
    [InlineData("<section id=\"waivers\"", "<h3 id=\"waiver-approvals\">")]
    [InlineData("<h3 id=\"waiver-approvals\">", "<section id=\"evidence\"")]
    [InlineData("<section id=\"evidence\"", "<h3>Unparsed lines</h3>")]
    [InlineData("<h3>Unparsed lines</h3>", "<h3 id=\"input-errors\">")]
    [InlineData("<h3 id=\"input-errors\">", "<section id=\"method\"")]
    [InlineData("<section id=\"method\"", "<section id=\"sign-off\"")]
    [InlineData("<title>", "</title>")]
    public void Should_Escape_The_Payloads_In_Every_Part_Of_The_Page(string start, string end)
    {
        var from = Page.Value.IndexOf(start, StringComparison.Ordinal);
        var to = Page.Value.IndexOf(end, from + 1, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"no part between {start} and {end}");

        var part = Page.Value[from..to];
        Assert.Contains(Escaped, part.Contains);
    }

    [Fact]
    public void Should_Keep_Host_Data_Out_Of_The_Inline_Style_And_Script()
    {
        var style = Between(Page.Value, "<style>", "</style>");
        var script = Between(Page.Value, "<script>", "</script>");

        Assert.DoesNotContain("alert(1)", style + script);
        Assert.DoesNotContain("__xss", style + script);
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }
}
