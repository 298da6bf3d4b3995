using PortCompliance.Core.Model;
using PortCompliance.Reporting.Pdf.Layout;

namespace PortCompliance.Reporting.Pdf.Sections;

/// <summary>The hosts: an index of all of them, then one section per host with its sockets table and its findings.</summary>
internal static class HostSection
{
    public static IEnumerable<IBlock> ComposeIndex(ReportModel model, Theme t, PageRefs pages)
    {
        yield return new Heading("Hosts", t.H1, 0, 0, rule: true);
        yield return new Paragraph("Every host audited, in report order; each has its own section that follows.", t.Body, 8);
        yield return new Table(
            [
                new Column("Host", 3.2), new Column("Status", 1.7), new Column("Sockets", 1, true), new Column("Open findings", 1.2, true),
                new Column("Source", 3.5), new Column("Page", 0.8, true),
            ],
            [.. model.Hosts.Select(h => (IReadOnlyList<Cell>)
            [
                Cell.Of(h.Host, t.Cell), t.BadgeCell(h.Status), Cell.Of($"{h.Sockets.Count}", t.Cell),
                Cell.Of($"{h.Counts.AtOrAbove(Severity.Info)}", t.Cell), Cell.Of(h.Source, t.Cell), Cell.PageOf(pages.Of(h.Anchor), t.Cell),
            ])], t.CellBold);
    }

    public static IEnumerable<IBlock> Compose(HostView host, Theme t)
    {
        yield return Flow.PageBreak();
        yield return new Heading($"Host {host.Host}", t.H1, 0, 1, host.Host, rule: true, key: host.Anchor);
        yield return new BadgeLine(host.Status.ToUpperInvariant(), t.BadgeText(host.Status), Theme.Fill(host.Status), StatusText(host), t.Body, 6);
        yield return new KeyValueList(
        [
            ("Source", Cell.Of($"{host.Source} ({host.Format} listing)", t.Small)),
            ("SHA-256", Cell.Of(host.Sha256, t.CellMono)),
        ], t.CellBold, labelWidth: 70);
        yield return new Heading("Listening sockets", t.H2, 4);
        yield return host.Sockets.Count == 0
            ? new Paragraph("The listing shows no listening socket.", t.Body)
            : new Table(
                [
                    new Column("Proto", 0.8), new Column("Endpoint", 3.2), new Column("Scope", 1.3), new Column("Processes", 3.2),
                    new Column("Line", 0.8, true), new Column("Status", 1.4), new Column("Findings", 1.3),
                ],
                [.. host.Sockets.Select(s => (IReadOnlyList<Cell>)
                [
                    Cell.Of(s.Proto, t.Cell), Cell.Of(s.Endpoint, t.CellMono), Cell.Of(s.Scope, t.Cell), Cell.Of(s.Processes, t.Cell),
                    Cell.Of($"{s.Line}", t.Cell), t.BadgeCell(s.Status), Cell.Of(string.Join(" ", s.FindingIds), t.Cell),
                ])], t.CellBold);
        yield return new Heading("Findings", t.H2, 4);
        if (host.Findings.Count == 0)
        {
            yield return new Paragraph("No findings: every listening socket is allowed by the policy.", t.Body);
        }

        for (var i = 0; i < host.Findings.Count; i++)
        {
            if (i > 0)
            {
                yield return Flow.Rule(Theme.Rule);
            }

            foreach (var block in FindingSection.Compose(host.Findings[i], t))
            {
                yield return block;
            }
        }
    }

    private static string StatusText(HostView host)
    {
        var c = host.Counts;
        var open = c.AtOrAbove(Severity.Info);
        return host.Compliant
            ? $"Compliant: {host.Sockets.Count} listening sockets, no open finding at or above the fail-on severity ({open} open in all)."
            : $"{open} open finding{(open == 1 ? "" : "s")}: {c.Critical} critical, {c.High} high, {c.Medium} medium, {c.Low} low, {c.Info} info; " +
              $"{host.Sockets.Count} listening sockets.";
    }
}
