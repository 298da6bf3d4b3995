using PortCompliance.Reporting.Evidence;
using PortCompliance.Reporting.Model;
using PortCompliance.Reporting.Pdf.Layout;

namespace PortCompliance.Reporting.Pdf.Sections;

/// <summary>How the evidence was collected and judged, and the block the auditor signs.</summary>
internal static class ClosingSection
{
    public static IEnumerable<IBlock> ComposeMethod(ReportModel model, Theme t)
    {
        yield return new Heading("Method", t.H1, 0, 0, rule: true);
        foreach (var paragraph in model.Method)
        {
            yield return new Paragraph(paragraph.Replace("`", ""), t.Body, 7);
        }
    }

    /// <summary>The key the visible signature block is located by: the signature field is laid over it.</summary>
    public const string SignatureKey = "signature";

    public static IEnumerable<IBlock> ComposeSignOff(ReportModel model, Theme t, ReportSigner? signer)
    {
        var cover = model.Cover;
        yield return new KeepTogether(
        [
            new Heading("Sign-off", t.H1, 18, 0, rule: true),
            .. signer is null ? Array.Empty<IBlock>() : [SignatureBlock(signer, t), Flow.Space(10)],
            new Paragraph(
                $"I have reviewed report {cover.ReportId} for the audit of {cover.AuditDate}, its findings and its evidence appendix, " +
                $"and I accept its verdict ({cover.Verdict}) subject to the remarks below.", t.Body, 8),
            new SignatureLine("Auditor name", t.BodyBold),
            new SignatureLine("Role", t.BodyBold),
            new SignatureLine("Date", t.BodyBold),
            new SignatureLine("Signature", t.BodyBold, height: 40),
            new SignatureLine("Remarks", t.BodyBold, height: 40),
            Flow.Space(14),
            new Paragraph("Policy verified: the SHA-256 of the policy used for this audit is", t.Body, 3),
            new CodeBlock(cover.PolicySha256, t.Code, Theme.CodeShade, 3),
            new SignatureLine("Matches the approved policy (initials)", t.BodyBold, labelWidth: 220),
        ]);
    }

    /// <summary>Who signed this file and when, drawn where the PDF's signature field lies, so a printout shows it too.</summary>
    private static IBlock SignatureBlock(ReportSigner signer, Theme t)
    {
        var certificate = signer.Certificate;
        return new Located(SignatureKey, new Panel(
        [
            new Paragraph($"Digitally signed by {signer.Name}", t.BodyBold, 3),
            new Paragraph($"{signer.SigningTime.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC · certificate {certificate.Subject}, issued by {certificate.Issuer}, " +
                $"valid {certificate.NotBefore.ToUniversalTime():yyyy-MM-dd} to {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}", t.Small, 3),
            new Paragraph($"Certificate SHA-256 {Convert.ToHexString(certificate.GetCertHash(System.Security.Cryptography.HashAlgorithmName.SHA256))}", t.Small, 3),
            new Paragraph(
                "The signature covers every byte of this file but itself: a change made after signing shows as an invalid signature " +
                "(pdfsig report.pdf, or portcompliance verify on the report folder).", t.Small, 0),
        ], Theme.PassShade, Theme.Pass, 1, 8));
    }
}
