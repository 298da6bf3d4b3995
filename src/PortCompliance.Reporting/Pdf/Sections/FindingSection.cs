using PortCompliance.Reporting.Model;
using PortCompliance.Reporting.Pdf.Layout;

namespace PortCompliance.Reporting.Pdf.Sections;

/// <summary>
/// One finding: severity badge, id, rule and where; what is wrong and why; the steps that fix it with their commands
/// and config lines; the evidence line it rests on; the controls it maps to; and its waiver, if any, with the waiver's
/// approval on record.
/// </summary>
internal static class FindingSection
{
    public static IEnumerable<IBlock> Compose(FindingView f, Theme t)
    {
        var about = f.Service is null ? $"Process: {f.Processes}" : $"Service: {f.Service}  ·  process: {f.Processes}";
        var waived = f.Waived ? "  ·  WAIVED" : "";

        // The header and the message travel together: a finding never starts with its badge alone at a page bottom.
        yield return new KeepTogether(
            new BadgeLine(f.Severity.ToUpperInvariant(), t.BadgeText(f.Severity), Theme.Fill(f.Severity), $"{f.Id}  {f.Rule}  —  {f.Where}{waived}", t.BodyBold),
            new Paragraph(about, t.SmallMuted, 3),
            new Paragraph(f.Message, t.Body, 6));
        if (f.WaiverText is { } waiver)
        {
            yield return new Panel([new Paragraph(waiver, t.Small, 2), .. f.Approval is { } a ? Approval(a, t) : []], Theme.NoteShade, Theme.Fill("medium"), 1, 6);
            yield return Flow.Space(6);
        }

        if (f.SameStepsAs is { } same)
        {
            yield return new Paragraph($"How to fix: the same steps as {same}.", t.Body, 4);
        }
        else if (f.Steps.Count > 0)
        {
            yield return new Heading("How to fix", t.H3);
            for (var i = 0; i < f.Steps.Count; i++)
            {
                var step = f.Steps[i];
                IBlock text = new Paragraph($"{i + 1}. {step.Text}", t.Body, step.Code is null ? 4 : 2);
                yield return step.Code is null
                    ? text
                    : new KeepTogether(text, Flow.Indent(12, new CodeBlock(step.Code, t.Code, Theme.CodeShade)));
            }
        }

        if (f.EvidenceSource is { } source)
        {
            yield return new KeepTogether(
                new Heading("Evidence", t.H3, 2),
                new Paragraph($"{source}:{f.EvidenceLine}", t.Small, 2),
                new CodeBlock(f.EvidenceText ?? "", t.Code, Theme.CodeShade));
        }

        if (f.Controls.Count > 0)
        {
            yield return new Paragraph($"Controls: {string.Join("; ", f.Controls)}", t.SmallMuted, 2);
        }
    }

    /// <summary>The waiver's approval under its line: each value, or the gap; and the flag when its owner approved it.</summary>
    private static IEnumerable<IBlock> Approval(WaiverApproval a, Theme t)
    {
        IBlock Line(string label, Recorded value) => new Paragraph($"{label}: {value.Text}", value.Missing ? t.SmallGap : t.Small, 0);

        yield return Line("Owner", a.Owner);
        yield return Line("Approved by", a.ApprovedBy);
        if (a.Justification is { } justification)
        {
            yield return new Paragraph($"Justification: {justification}", t.Small, 0);
        }

        yield return Line("Compensating control", a.CompensatingControl);
        if (a.Flag is { } flag)
        {
            yield return new Paragraph($"Flagged: {flag}", t.SmallGap, 0);
        }
    }
}
