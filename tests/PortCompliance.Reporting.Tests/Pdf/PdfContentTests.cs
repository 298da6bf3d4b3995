using System.Text.RegularExpressions;
using PortCompliance.Reporting.Tests.Support;

namespace PortCompliance.Reporting.Tests.Pdf;

/// <summary>What an auditor reads in report.pdf, checked with poppler on a real host's report.</summary>
public sealed partial class PdfContentTests(DbHostReport report) : IClassFixture<DbHostReport>
{
    [Fact]
    public void Should_Show_The_Verdict_And_Scope_On_The_Cover()
    {
        var cover = report.Pages[0];

        Assert.Contains("Listening-port compliance report", cover);
        Assert.Contains("FAIL", cover);
        Assert.Contains(report.Model.Cover.VerdictText, Collapse(cover));
        Assert.Contains("Example Corp", cover);
        Assert.Contains(report.Model.Cover.PolicySha256, cover);
        Assert.Contains("1 host", cover);
    }

    [Fact]
    public void Should_Count_Compliant_Hosts_And_Findings_By_Severity_In_The_Summary()
    {
        var summary = report.Page(p => p.Contains("Executive summary"));
        var counts = report.Model.Summary.BySeverity.ToDictionary(s => s.Severity, s => s.Count);

        Assert.Matches(@"\b0\s*/\s*1\b", summary);
        Assert.Contains("hosts fully compliant", summary);
        Assert.Matches($@"critical\s+{counts["critical"]}\b", summary);
        Assert.Matches($@"high\s+{counts["high"]}\b", summary);
        Assert.Matches(@"loopback-only\s+6\b", summary);
    }

    [Fact]
    public void Should_Give_A_Finding_Its_Config_Line_Evidence_And_Controls()
    {
        var finding = Collapse(string.Join("\n", report.Pages.SkipWhile(p => !p.Contains("F-001 loopback-only")).Take(2)));

        Assert.Contains("CRITICAL F-001 loopback-only — TCP 0.0.0.0:5432", finding);
        Assert.Contains("listen_addresses = 'localhost'", finding);
        Assert.Contains("sudo systemctl restart postgresql", finding);
        Assert.Contains($"{DbHostReport.Sample}:13", finding);
        Assert.Contains("0.0.0.0:5432 0.0.0.0:* users:((\"postgres\",pid=7600,fd=5))", finding);
        Assert.Contains("NIST SP 800-53 Rev. 5 SC-7", finding);
    }

    [Fact]
    public void Should_List_The_Input_With_Its_Sha256_In_The_Evidence_Appendix()
    {
        var appendix = report.Page(p => p.Contains("Evidence appendix"));

        Assert.Contains(DbHostReport.Sample, appendix);
        // The digest wraps inside its cell; in reading order its pieces are the page's only long hex runs.
        Assert.Contains(report.Model.Evidence[0].Sha256, string.Concat(HexRuns().Matches(appendix).Select(m => m.Value)));
    }

    [Fact]
    public void Should_Number_Every_Page_Of_The_Count_Pdfinfo_Reports()
    {
        var count = Poppler.PageCount(report.Pdf);

        Assert.Equal(count, report.Pages.Count);
        Assert.True(count > 10, $"a 52-finding host fills more than {count} pages");
        for (var i = 0; i < count; i++)
        {
            Assert.Contains($"Page {i + 1} of {count}", report.Pages[i]);
            Assert.Contains(report.Model.Cover.ReportId, report.Pages[i]);
        }
    }

    [Fact]
    public void Should_Embed_Every_Font()
    {
        var fonts = Poppler.Fonts(report.Pdf);

        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Equal("yes", f.Embedded));
        Assert.Contains(fonts, f => f.Name.Contains("Mono", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Repeat_The_Sockets_Header_Where_The_Table_Continues()
    {
        var start = report.Pages.ToList().FindIndex(p => p.Contains("Listening sockets") && p.Contains("Proto"));
        var next = report.Pages[start + 1];

        Assert.Matches(@"Proto\s+Endpoint\s+Scope\s+Processes\s+Line\s+Status\s+Findings", next);
        Assert.Contains("[fd00::2]:8080", next);
    }

    [Fact]
    public void Should_End_With_Method_And_Sign_Off_With_The_Policy_Hash()
    {
        var last = report.Pages[^1];

        Assert.Contains("Sign-off", last);
        Assert.Contains("Auditor name", last);
        Assert.Contains("Signature", last);
        Assert.Contains(report.Model.Cover.PolicySha256, last);
    }

    private static string Collapse(string text) => Spaces().Replace(text, " ");

    [GeneratedRegex("[0-9a-f]{8,}")]
    private static partial Regex HexRuns();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
