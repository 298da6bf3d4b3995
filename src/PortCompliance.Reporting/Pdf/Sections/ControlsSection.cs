using PortCompliance.Reporting.Model;
using PortCompliance.Reporting.Pdf.Layout;

namespace PortCompliance.Reporting.Pdf.Sections;

/// <summary>The framework view: each control with the rules, hosts and findings under it; then every waiver used.</summary>
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
            "Accepted exceptions from the policy, each with its ticket, owner and end date. A waived finding stays in this report; " +
            "an expired waiver no longer waives, and its finding counts again.", t.Body, 8);
        yield return model.Waivers.Count == 0
            ? new Paragraph("No waiver applies to any finding of this audit.", t.Body)
            : new Table(
                [
                    new Column("Ticket", 1.5), new Column("Rule", 1.7), new Column("Host", 1.6), new Column("Where", 2),
                    new Column("Reason", 2.8), new Column("Approver", 1.4), new Column("Expires", 1.6), new Column("Status", 1.5),
                ],
                [.. model.Waivers.Select(w => (IReadOnlyList<Cell>)
                [
                    Cell.Of(w.Ticket, t.CellBold), Cell.Of(w.Rule, t.Cell), Cell.Of(w.Host, t.Cell), Cell.Of(w.Where, t.Cell),
                    Cell.Of(w.Reason, t.Cell), Cell.Of(w.Approver ?? "—", t.Cell), Cell.Of(w.Expires, t.Cell), t.BadgeCell(w.Status),
                ])], t.CellBold);
    }
}
