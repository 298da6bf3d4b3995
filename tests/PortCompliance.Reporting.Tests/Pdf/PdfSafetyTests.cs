using System.Security.Cryptography;
using PortCompliance.Reporting.Tests.Support;

namespace PortCompliance.Reporting.Tests.Pdf;

/// <summary>Untrusted text from the inputs stays text, nothing vanishes, and the same model gives the same bytes.</summary>
public sealed class PdfSafetyTests
{
    private const string Sample = "samples/docs/seed001-ss-utlnp-nonlocal.txt";

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    [InlineData("=HYPERLINK(\"http://x\")")]
    public void Should_Print_Untrusted_Process_And_Host_Names_As_Plain_Text(string payload)
    {
        var snapshot = Reports.Read(Sample, host: payload, edit: text => ReplaceFirstProcess(text, payload));

        var (pdf, _) = Render.Pdf(Reports.Of([snapshot]));

        var text = string.Join(" ", Poppler.Text(pdf).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"Host {payload}", text);
        Assert.Contains($"process: {payload} (822)", text, StringComparison.OrdinalIgnoreCase);
    }

    // Latin-1 text is written as WinAnsi bytes, anything else as glyph ids of the same embedded font: both must come
    // back out of the PDF as the same characters, also when one line mixes them.
    [Theory]
    [InlineData("prüfdienst-ß")]
    [InlineData("сервер-01")]
    [InlineData("app→proxy·€5")]
    public void Should_Keep_Non_Ascii_Names_Extractable(string name)
    {
        var snapshot = Reports.Read(Sample, host: name, edit: text => ReplaceFirstProcess(text, name));

        var (pdf, log) = Render.Pdf(Reports.Of([snapshot]));

        var text = Poppler.Text(pdf);
        Assert.Contains($"Host {name}", text);
        Assert.Contains($"process: {name} (822)", text);
        Assert.DoesNotContain("cannot show", log);
    }

    [Fact]
    public void Should_Replace_Characters_The_Font_Cannot_Show_With_A_Visible_Mark_And_Say_So()
    {
        var name = "evil\u0001\u202Egnp.exe\U0001D400";
        var snapshot = Reports.Read(Sample, edit: text => ReplaceFirstProcess(text, name));

        var (pdf, log) = Render.Pdf(Reports.Of([snapshot]));

        Assert.Contains("evil\uFFFD\uFFFDgnp.exe\uFFFD (822)", Poppler.Text(pdf));
        Assert.Matches(@"pdf: \d+ character\(s\) the fonts cannot show", log);
    }

    [Fact]
    public void Should_Write_Identical_Bytes_For_The_Same_Audit()
    {
        var first = Render.Pdf(Reports.Of(Sample, DbHostReport.Sample)).Pdf;
        var second = Render.Pdf(Reports.Of(Sample, DbHostReport.Sample)).Pdf;

        Assert.Equal(Convert.ToHexString(SHA256.HashData(first)), Convert.ToHexString(SHA256.HashData(second)));
        var text = System.Text.Encoding.Latin1.GetString(first);
        Assert.DoesNotContain("/ID[<3030303030", text);
        Assert.Contains("/CreationDate(D:20261121090000", text);
    }

    /// <summary>The sample's apache2 with pid 822 (on a wildcard, so it has a finding) renamed to <paramref name="name"/>.</summary>
    private static string ReplaceFirstProcess(string listing, string name)
    {
        const string Original = "\"apache2\",pid=822";
        Assert.Contains(Original, listing);
        return listing.Replace(Original, $"\"{name}\",pid=822", StringComparison.Ordinal);
    }
}
