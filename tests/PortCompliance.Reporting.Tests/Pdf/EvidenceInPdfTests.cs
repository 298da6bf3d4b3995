using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PortCompliance.Reporting.Evidence;
using PortCompliance.Reporting.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Reporting.Tests.Pdf;

/// <summary>
/// What an auditor's own tools make of a report months later: poppler's pdfdetach gives back the evidence byte for byte,
/// pdfsig says the signature holds over the whole file (and breaks on one changed byte), an XML parser reads the XMP.
/// </summary>
public sealed partial class EvidenceInPdfTests
{
    private const string Web = "samples/ss/ss-lntup-debian12-web.txt";

    [Fact]
    public void Should_Attach_The_Listings_Policy_And_Results_Byte_For_Byte_With_Their_Hashes_In_The_Appendix()
    {
        var model = Reports.Of(DbHostReport.Sample, Web);
        var (pdf, _) = Render.Pdf(model);

        var attached = Detach(pdf);

        Assert.Equal(["listing-ss-lntup-debian12-db.txt", "listing-ss-lntup-debian12-web.txt", "policy-baseline.yaml", "results.json"], attached.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(File.ReadAllBytes(RepoPaths.Combine(DbHostReport.Sample)), attached["listing-ss-lntup-debian12-db.txt"]);
        Assert.Equal(File.ReadAllBytes(RepoPaths.Combine("policies", "baseline.yaml")), attached["policy-baseline.yaml"]);
        using var json = new MemoryStream();
        Core.Model.ResultsJson.Write(json, model.Result);
        Assert.Equal(json.ToArray(), attached["results.json"]);
        var text = Regex.Replace(Poppler.Text(pdf), @"\s+", "");
        foreach (var (_, bytes) in attached)
        {
            Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(bytes)), text); // printed beside its name, even where wrapped
        }

        Assert.Contains("listing: samples/ss/ss-lntup-debian12-web.txt", Poppler.Run(pdf, "pdfdetach", ["-list", "{pdf}"]) + Descriptions(pdf));
    }

    [Fact]
    public void Should_Sign_So_Pdfsig_Finds_The_Whole_Document_Signed_And_One_Changed_Byte_Breaks_It()
    {
        using var certificate = Certificate("CN=Jane Auditor, O=Example Corp");
        var signer = new ReportSigner(certificate, Reports.Day);
        var (pdf, _) = Render.Pdf(Reports.Of(DbHostReport.Sample), signer);

        var (_, report, _) = Poppler.Tool(pdf, "pdfsig", ["{pdf}"]);
        Assert.Contains("Signature Validation: Signature is Valid.", report);
        Assert.Contains("Total document signed", report);
        Assert.Contains("Signing Hash Algorithm: SHA-256", report);
        Assert.Contains("Signer Certificate Common Name: Jane Auditor", report);
        Assert.Contains("Digitally signed by Jane Auditor", Poppler.Pages(pdf)[^1]);

        var tampered = (byte[])pdf.Clone();
        var at = Array.IndexOf(tampered, (byte)'F', tampered.Length / 3); // a byte inside the signed range
        tampered[at] = (byte)'G';
        var (_, broken, _) = Poppler.Tool(tampered, "pdfsig", ["{pdf}"]);
        Assert.DoesNotContain("Signature is Valid.", broken);
    }

    [Fact]
    public void Should_Keep_Unsigned_Reports_Byte_Reproducible_With_Their_Attachments()
    {
        var first = Render.Pdf(Reports.Of(DbHostReport.Sample, Web)).Pdf;
        var second = Render.Pdf(Reports.Of(DbHostReport.Sample, Web)).Pdf;

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("AT&T <Ops>")]
    [InlineData("Müller & Söhne GmbH \"Netz\" ]]> (Betrieb)")]
    [InlineData("株式会社 <ネット> & 運用\\")]
    public void Should_Write_Metadata_That_An_Xml_Parser_Reads_And_Pdfinfo_Shows_As_Given(string organisation)
    {
        var model = Reports.Model([Reports.Read(DbHostReport.Sample)], options: Reports.Options with { Organisation = organisation });
        var (pdf, _) = Render.Pdf(model);

        var packet = Xmp().Match(System.Text.Encoding.UTF8.GetString(pdf)).Value;
        var xmp = XDocument.Parse(packet); // throws on XML a parser rejects
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        Assert.Equal(organisation, xmp.Descendants(dc + "creator").Single().Value.Trim());
        Assert.Contains($"Author:          {organisation}", Poppler.Run(pdf, "pdfinfo", ["{pdf}"]));
    }

    /// <summary>pdfdetach -saveall into a fresh folder: every attachment by name, with its bytes.</summary>
    private static Dictionary<string, byte[]> Detach(byte[] pdf)
    {
        var folder = Directory.CreateTempSubdirectory("pc-detach-").FullName;
        try
        {
            Poppler.Run(pdf, "pdfdetach", ["-saveall", "-o", folder, "{pdf}"]);
            return Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The attachments' descriptions, as the file carries them (pdfdetach does not print them).</summary>
    private static string Descriptions(byte[] pdf) => string.Join("\n", Desc().Matches(System.Text.Encoding.Latin1.GetString(pdf)).Select(m => m.Groups[1].Value));

    private static X509Certificate2 Certificate(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var made = request.CreateSelfSigned(Reports.Day.AddDays(-1), Reports.Day.AddYears(1));
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null);
    }

    [GeneratedRegex(@"<x:xmpmeta.*?</x:xmpmeta>", RegexOptions.Singleline)]
    private static partial Regex Xmp();

    [GeneratedRegex(@"/Desc\(([^)]*)\)")]
    private static partial Regex Desc();

}
