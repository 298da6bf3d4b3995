using System.Text.RegularExpressions;
using PortCompliance.Reporting.Tests.Support;

namespace PortCompliance.Reporting.Tests.Pdf;

/// <summary>Smoke test over every capture in samples/: a report of more than a thousand pages still adds up.</summary>
public sealed class WholeSamplesTests
{
    [Fact]
    public void Should_Render_Every_Sample_With_Consistent_Page_Numbers_And_Embedded_Fonts()
    {
        var model = Reports.Of([.. Reports.AllSamples()]);

        var (pdf, _) = Render.Pdf(model);

        var pages = Poppler.PageCount(pdf);
        Assert.Contains($"Page {pages} of {pages}", Poppler.Text(pdf, pages));
        Assert.Contains("Sign-off", Poppler.Text(pdf, pages));
        Assert.Contains($"Page 1 of {pages}", Poppler.Text(pdf, 1));
        Assert.All(Poppler.Fonts(pdf), f => Assert.Equal("yes", f.Embedded));
    }

    // The host index precedes the hosts it points to, so this report is laid out whole before any page is drawn.
    [Fact]
    public void Should_Point_The_Host_Index_At_The_Page_Each_Host_Section_Starts_On()
    {
        var model = Reports.Of("samples/docs/seed001-ss-utlnp-nonlocal.txt", DbHostReport.Sample, "samples/netstat/netstat-plunt-debian12-web.txt");

        var pages = Poppler.Pages(Render.Pdf(model).Pdf);

        var index = pages.First(p => p.Contains("Every host audited", StringComparison.Ordinal));
        foreach (var host in model.Hosts)
        {
            var row = Regex.Match(index, $@"^\s*{Regex.Escape(host.Host)}\b.*?(\d+)\s*$", RegexOptions.Multiline);
            Assert.True(row.Success, $"no index row for {host.Host}");
            Assert.Contains($"Host {host.Host}", pages[int.Parse(row.Groups[1].Value) - 1]);
        }
    }
}
