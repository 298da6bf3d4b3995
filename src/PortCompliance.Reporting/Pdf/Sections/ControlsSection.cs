using PortCompliance.Reporting.Model;
using PortCompliance.Reporting.Pdf.Layout;

namespace PortCompliance.Reporting.Pdf.Sections;

/// <summary>
/// The framework view: each control with the rules, hosts and findings under it; then every waiver used, and each
/// waiver's approval on record.
/// </summary>
internal static class ControlsSection
{
    public static IEnumerable<IBlock> ComposeControls(ReportModel model, Theme t)
    {
        yield return new Heading("Findings by control", t.H1, 0, 0, rule: true);
        yield return new Paragraph(
            "Each framework requirement the findings fall under (CIS Controls, NIST SP 800-53, PCI DSS), with the rules that raised " +
            "them, the hosts concerned, and how many findings are open and how many waived.", t.Body, 8);
        yield return model.Controls.Count == 0
            ? new Paragraph("No finding maps to a control.", t.Body)
            : new Table(
                [new Column("Control", 2.3), new Column("Rules", 2.1), new Column("Hosts", 5.2), new Column("Open", 0.9, true), new Column("Waived", 1.1, true)],
                [.. model.Controls.Select(c => (IReadOnlyList<Cell>)
                [
                    Cell.Of(c.Control, t.CellBold), Cell.Of(string.Join(", ", c.Rules), t.Cell), Cell.Of(string.Join(", ", c.Hosts), t.Cell),
                    Cell.Of($"{c.Findings}", t.Cell), Cell.Of($"{c.Waived}", t.Cell),
                ])], t.CellBold);
    }

    public static IEnumerable<IBlock> ComposeWaivers(ReportModel model, Theme t)
    {
        yield return new Heading("Waivers", t.H1, 12, 0, rule: true);
        yield return new Paragraph(
            "Accepted exceptions from the policy, each with its ticket, end date and approval. A waived finding stays in this report; " +
            "an expired waiver no longer waives, and its finding counts again.", t.Body, 8);
        if (model.Waivers.Count == 0)
        {
            yield return new Paragraph("No waiver applies to any finding of this audit.", t.Body);
            yield break;
        }

        yield return new Table(
            [
                new Column("Ticket", 1.5), new Column("Rule", 1.7), new Column("Host", 1.6), new Column("Where", 1.9),
                new Column("Reason", 2.5), new Column("Approved by", 2.4), new Column("Expires", 1.6), new Column("Status", 1.5),
            ],
            [.. model.Waivers.Select(w => (IReadOnlyList<Cell>)
            [
                Cell.Of(w.Ticket, t.CellBold), Cell.Of(w.Rule, t.Cell), Cell.Of(w.Host, t.Cell), Cell.Of(w.Where, t.Cell),
                Cell.Of(w.Reason, t.Cell), ApprovedBy(w.Approval, t), Cell.Of(w.Expires, t.Cell), t.BadgeCell(w.Status),
            ])], t.CellBold);

        yield return new Heading("Approvals on record", t.H2, 6);
        yield return new Paragraph(
            "Each waiver once: who owns the exception, who approved it (never its owner: separation of duties), why, and the control " +
            "that compensates for it. A waiver's reason is its justification; a longer one follows it when the policy gives one.", t.Body, 8);
        yield return new Table(
            [
                new Column("Ticket", 1.5), new Column("Rule", 1.7), new Column("Owner", 2), new Column("Approved by", 2.2),
                new Column("Justification", 4), new Column("Compensating control", 3.2),
            ],
            [.. model.WaiverRecords.Select(w => (IReadOnlyList<Cell>)
            [
                Cell.Of(w.Ticket, t.CellBold), Cell.Of(w.Rule, t.Cell), RegisterSection.Value(w.Approval.Owner, t), ApprovedBy(w.Approval, t),
                w.Approval.Justification is { } more ? Cell.Stack(new CellRun(w.Reason, t.CellBold), new CellRun(more, t.Cell)) : Cell.Of(w.Reason, t.Cell),
                RegisterSection.Value(w.Approval.CompensatingControl, t),
            ])], t.CellBold);
    }

    /// <summary>Who approved the waiver, or the gap; and the flag when that is its own owner.</summary>
    private static Cell ApprovedBy(WaiverApproval approval, Theme t) => approval.Flag is { } flag
        ? Cell.Stack(new CellRun(approval.ApprovedBy.Text, t.CellBold), new CellRun($"Flagged: {flag}", t.CellGap))
        : RegisterSection.Value(approval.ApprovedBy, t);
}
