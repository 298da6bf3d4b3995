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

    public static IEnumerable<IBlock> ComposeSignOff(ReportModel model, Theme t)
    {
        var cover = model.Cover;
        yield return new KeepTogether(
            new Heading("Sign-off", t.H1, 18, 0, rule: true),
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
            new SignatureLine("Matches the approved policy (initials)", t.BodyBold, labelWidth: 220));
    }
}
