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
}
