using PortCompliance.Reporting.Model;
using PortCompliance.Reporting.Pdf.Layout;

namespace PortCompliance.Reporting.Pdf.Sections;

/// <summary>The executive summary: key figures, findings by severity as a chart, the rules that fired, the worst hosts.</summary>
internal static class SummarySection
{
    public static IEnumerable<IBlock> Compose(ReportModel model, Theme t, PageRefs pages)
    {
        var s = model.Summary;
        var open = s.BySeverity.Sum(x => x.Count);
        yield return new Heading("Executive summary", t.H1, 0, 0, rule: true);
        yield return new StatTiles(
        [
            new Stat($"{s.CompliantHosts} / {s.Hosts}", "hosts fully compliant"),
            new Stat($"{s.Sockets}", "listening sockets examined"),
            new Stat($"{open}", "open findings (not waived)"),
            new Stat($"{s.Waived}", "findings waived by an active waiver"),
        ], t.StatValue, t.SmallMuted);
        yield return new Paragraph(model.Cover.VerdictText, t.Body, 10);
        yield return new Heading("Open findings by severity", t.H2, 4);
        yield return new BarChart([.. s.BySeverity.Select(x => new Bar(x.Severity, x.Count, Theme.Fill(x.Severity)))], t.Body, t.BodyBold);
        yield return new Heading("Rules that raised findings", t.H2, 4);
        yield return s.TopRules.Count == 0
            ? new Paragraph("No rule raised a finding.", t.Body)
            : new Table([new Column("Rule", 4), new Column("Findings", 1, AlignRight: true)],
                [.. s.TopRules.Select(r => (IReadOnlyList<Cell>)[Cell.Of(r.Rule, t.Cell), Cell.Of($"{r.Count}", t.Cell)])], t.CellBold);
        yield return new Heading("Hosts with the worst findings", t.H2, 4);
        yield return s.WorstHosts.Count == 0
            ? new Paragraph("Every host is fully compliant.", t.Body)
            : new Table(
                [
                    new Column("Host", 4), new Column("Worst", 1.4), new Column("Findings", 1, true), new Column("Critical", 1, true),
                    new Column("High", 1, true), model.Fleet is null ? new Column("Page", 0.8, true) : new Column("Report", 2.2),
                ],
                [.. s.WorstHosts.Select(h => (IReadOnlyList<Cell>)
                [
                    Cell.Of(h.Host, t.Cell), t.BadgeCell(h.WorstSeverity), Cell.Of($"{h.Findings}", t.Cell),
                    Cell.Of($"{h.Critical}", t.Cell), Cell.Of($"{h.High}", t.Cell),
                    model.Fleet is null
                        ? Cell.PageOf(pages.Of(h.Anchor), t.Cell)
                        : Cell.Of(model.Fleet.Hosts.First(f => f.Anchor == h.Anchor).PdfFile, t.CellMono),
                ])], t.CellBold);
    }
}
