using System.Security.Cryptography;
using System.Text;
using PortCompliance.Reporting.Pdf.Inspection;
using PortCompliance.Reporting.Tests.Support;

namespace PortCompliance.Reporting.Tests.Pdf.Inspection;

/// <summary>
/// A report signed by PDFsharp's own signer, checked by the verifier and by poppler's pdfsig: the two agree on whether
/// the signature is valid and whether it covers the whole file, untouched and after each kind of tampering.
/// </summary>
public sealed class SignatureVerifierTests
{
    private static readonly System.Security.Cryptography.X509Certificates.X509Certificate2 Certificate = EvidencePdfs.Certificate();

    private static readonly byte[] Signed = EvidencePdfs.Signed(
        EvidencePdfs.WithAttachments(Render.Pdf(Reports.Of("samples/ss/ss-lntup-debian12-web.txt")).Pdf,
            new EvidencePdfs.Attachment("results.json", "results: results.json", "{}\n"u8.ToArray())),
        Certificate);

    [Fact]
    public void Should_Hold_For_An_Untouched_Signed_Report_And_Name_Its_Signer()
    {
        var verification = Verify(Signed);

        Assert.True(verification.Holds, string.Join("; ", verification.Problems));
        Assert.Equal(Certificate.Thumbprint, verification.Signer!.Thumbprint);
        Assert.Contains("CN=Audit Team", verification.Signer.Subject);
        Assert.NotNull(verification.SigningTime);
        Assert.Equal((true, true), Poppler.Signature(Signed));
    }

    [Fact]
    public void Should_Hold_For_A_Signature_Without_Signed_Attributes_And_Fail_It_Once_Changed()
    {
        // PDFsharp's own signer signs the bytes' digest directly: no message digest attribute to compare.
        var signed = EvidencePdfs.Signed(Render.Pdf(Reports.Of("samples/ss/ss-lntup-debian12-web.txt")).Pdf, Certificate, pdfSharpSigner: true);
        var tampered = EvidencePdfs.Flipped(signed, signed.Length / 3);

        Assert.True(Verify(signed).Holds, string.Join("; ", Verify(signed).Problems));
        Assert.Contains(Verify(tampered).Validity, p => p.StartsWith("the CMS signature does not verify", StringComparison.Ordinal));
        Assert.Equal((true, true), Poppler.Signature(signed));
        Assert.Equal((false, true), Poppler.Signature(tampered));
    }

    [Fact]
    public void Should_Fail_The_Signature_When_One_Signed_Byte_Changed()
    {
        var tampered = EvidencePdfs.Flipped(Signed, Signed.Length / 3);

        var verification = Verify(tampered);

        Assert.Empty(verification.Coverage);
        Assert.Contains(verification.Validity, p => p.Contains("the signed bytes changed", StringComparison.Ordinal));
        Assert.Equal((false, true), Poppler.Signature(tampered));
    }

    [Fact]
    public void Should_Fail_The_Coverage_When_Bytes_Were_Added_After_Signing()
    {
        byte[] appended = [.. Signed, .. "\n% added later\n"u8];

        var verification = Verify(appended);

        Assert.Empty(verification.Validity);
        var problem = Assert.Single(verification.Coverage);
        Assert.Contains($"covers the first {Signed.Length} bytes of {appended.Length}", problem);
        Assert.Equal((true, false), Poppler.Signature(appended));
    }

    [Fact]
    public void Should_Fail_The_Coverage_When_The_Byte_Range_Leaves_Out_More_Than_The_Signature()
    {
        // The /ByteRange rewritten to leave a few more bytes out, padded to its width: the signature then signs
        // other bytes than it says, and what is left out is no longer its /Contents string.
        var text = Encoding.Latin1.GetString(Signed);
        var at = text.IndexOf("/ByteRange", StringComparison.Ordinal);
        var close = text.IndexOf(']', at);
        var numbers = text[(text.IndexOf('[', at) + 1)..close].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToArray();
        var widened = $"/ByteRange[0 {numbers[1] - 4} {numbers[2]} {numbers[3]}]";
        var edited = Encoding.Latin1.GetBytes(text[..at] + widened.PadRight(close + 1 - at) + text[(close + 1)..]);

        var verification = Verify(edited);

        Assert.Contains(verification.Coverage, p => p.Contains("are not its /Contents value", StringComparison.Ordinal));
        Assert.False(verification.Holds);
        Assert.False(Poppler.Signature(edited).Valid);
    }

    [Fact]
    public void Should_Fail_A_Signature_Made_By_Another_Key_Over_Other_Bytes()
    {
        // The signature of another document pasted in: a valid CMS structure, over bytes that are not these.
        var other = EvidencePdfs.Signed(Render.Pdf(Reports.Of("samples/ss/ss-lntup-debian12-db.txt")).Pdf, EvidencePdfs.Certificate("CN=Someone Else"));
        var pasted = WithContents(Signed, PdfInspector.Read(other).Signatures[0].Contents);

        var verification = Verify(pasted);

        Assert.False(verification.Holds);
        Assert.Contains("CN=Someone Else", verification.Signer!.Subject);
        Assert.False(Poppler.Signature(pasted).Valid);
    }

    [Fact]
    public void Should_Find_And_Check_The_Signature_Of_A_Pdf_Whose_Structure_No_Longer_Parses()
    {
        // A "<<" of the first page's dictionary broken: PDFsharp cannot read the file, pdfsig still finds the signature.
        var text = Encoding.Latin1.GetString(Signed);
        var broken = (byte[])Signed.Clone();
        broken[text.IndexOf("/Type/Page/", StringComparison.Ordinal) - 2] = (byte)'(';

        var inspection = PdfInspector.Read(broken);
        var verification = SignatureVerifier.Verify(broken, Assert.Single(inspection.Signatures));

        Assert.NotNull(inspection.Problem);
        Assert.Empty(verification.Coverage);
        Assert.Contains(verification.Validity, p => p.Contains("the signed bytes changed", StringComparison.Ordinal));
        Assert.Equal((false, true), Poppler.Signature(broken));
    }

    [Fact]
    public void Should_Read_The_Same_Signature_From_The_Bytes_As_From_The_Structure()
    {
        var parsed = Assert.Single(PdfInspector.Read(Signed).Signatures);
        var raw = Assert.Single(RawSignatures.Find(Signed));

        Assert.Equal(parsed.ByteRange, raw.ByteRange);
        Assert.Equal(parsed.Contents, raw.Contents);
        Assert.Equal(parsed.SubFilter, raw.SubFilter);
        Assert.True(SignatureVerifier.Verify(Signed, raw).Holds);
    }

    [Fact]
    public void Should_Report_The_Certificates_Fingerprint_Unchanged_By_Reading()
    {
        var verification = Verify(Signed);

        Assert.Equal(SHA256.HashData(Certificate.RawData), SHA256.HashData(verification.Signer!.RawData));
    }

    /// <summary>The one signature checked: a changed byte may leave the file unparsable, its signature is found all the same.</summary>
    private static SignatureVerification Verify(byte[] pdf) => SignatureVerifier.Verify(pdf, Assert.Single(PdfInspector.Read(pdf).Signatures));

    /// <summary>The PDF with its /Contents hex replaced by <paramref name="cms"/>, zero-padded to the same width.</summary>
    private static byte[] WithContents(byte[] pdf, byte[] cms)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var start = text.IndexOf("/Contents<", StringComparison.Ordinal) + "/Contents<".Length;
        var end = text.IndexOf('>', start);
        var hex = Convert.ToHexString(cms.AsSpan(0, Math.Min(cms.Length, (end - start) / 2))).PadRight(end - start, '0');
        return Encoding.Latin1.GetBytes(text[..start] + hex + text[end..]);
    }
}
