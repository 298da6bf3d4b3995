using PortCompliance.Reporting.Model;
using PortCompliance.Reporting.Pdf.Layout;

namespace PortCompliance.Reporting.Pdf.Sections;

/// <summary>
/// The approved services register: each allowed port, where it applies, why, who approved it and when; a value the
/// policy does not record is printed "not recorded" in the gap style.
/// </summary>
internal static class RegisterSection
{
    public static IEnumerable<IBlock> Compose(ReportModel model, Theme t)
    {
        var register = model.Register;
        yield return new Heading("Approved services register", t.H1, 12, 0, rule: true);
        yield return new Paragraph(
            "The ports the policy allows on the network, each with its business justification and approval (PCI DSS v4.0.1 1.2.5). " +
            register.Scope, t.Body, 4);
        yield return new Paragraph(register.Summary, t.Body, 8);
        if (register.Rows.Count == 0)
        {
            yield break;
        }

        yield return new Table(
            [
                new Column("Proto", 0.9), new Column("Port(s)", 1.9), new Column("Applies to", 3), new Column("Justification", 3.5),
                new Column("Approved by", 2.2), new Column("Approved on", 1.8),
            ],
            [.. register.Rows.Select(r => (IReadOnlyList<Cell>)
            [
                Cell.Of(r.Proto, t.Cell), Cell.Of(r.Ports, t.CellBold), Cell.Of(r.AppliesTo, t.Cell), Value(r.Justification, t),
                Value(r.ApprovedBy, t), Value(r.ApprovedOn, t),
            ])], t.CellBold);
    }

    /// <summary>A value of an approval record, or "not recorded" in the gap style.</summary>
    public static Cell Value(Recorded value, Theme t) => Cell.Of(value.Text, value.Missing ? t.CellGap : t.Cell);
}
