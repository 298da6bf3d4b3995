using PortCompliance.Reporting.Model;
using PortCompliance.Reporting.Pdf.Layout;

namespace PortCompliance.Reporting.Pdf.Sections;

/// <summary>"Changes since" the baseline audit: the first thing a monthly reader turns to, right after the cover.</summary>
internal static class DriftSection
{
    public static IEnumerable<IBlock> Compose(DriftView drift, Theme t)
    {
        yield return new Heading($"Changes since {drift.Since}", t.H1, 12, 0, rule: true);
        yield return new Paragraph(drift.Summary, t.Body, 6);
        if (drift.NewHosts.Count > 0)
        {
            yield return new Paragraph($"New hosts: {string.Join(", ", drift.NewHosts)}.", t.Body, 4);
        }

        if (drift.Disappeared.Count > 0)
        {
            yield return new Paragraph($"Hosts audited last time and not seen now: {string.Join(", ", drift.Disappeared)}.", t.Body, 4);
        }

        if (drift.Changes.Count == 0)
        {
            yield break;
        }

        yield return new Table(
            [new Column("Host", 1.9), new Column("Change", 2.0), new Column("What", 2.5), new Column("Before", 2.1), new Column("Now", 2.5)],
            [.. drift.Changes.Select(c => (IReadOnlyList<Cell>)
            [
                Cell.Of(c.Host, t.Cell), Cell.Of(c.Change, t.CellBold), Cell.Of(c.What, t.Cell),
                Cell.Of(c.Before ?? "—", t.CellMono), Cell.Of(c.After ?? "—", t.CellMono),
            ])], t.CellBold);
    }
}
