using PortCompliance.Core.Model;
using PortCompliance.Reporting.Model;
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
                new Column("Host", 3.2), new Column("System", 1.2), new Column("Status", 1.7), new Column("Sockets", 1, true), new Column("Open findings", 1.2, true),
                new Column("Source", 3.5), new Column("Page", 0.8, true),
            ],
            [.. model.Hosts.Select(h => (IReadOnlyList<Cell>)
            [
                Cell.Of(h.Host, t.Cell), Cell.Of(h.Os, t.Cell), t.BadgeCell(h.Status), Cell.Of($"{h.Sockets.Count}", t.Cell),
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
            ("System", Cell.Of($"{host.Os}; fixes are written in its own commands", t.Small)),
            ("Source", Cell.Of($"{host.Source} ({host.Format} listing)", t.Small)),
            ("SHA-256", Cell.Of(host.Sha256, t.CellMono)),
        ], t.CellBold, labelWidth: 70);
        yield return new Heading("Listening sockets", t.H2, 4);
        yield return host.Sockets.Count == 0
            ? new Paragraph("The listing shows no listening socket.", t.Body)
            : SocketsTable(host, t);
        if (host.Scanned is { } scanned)
        {
            yield return new Paragraph($"Exposure: what {scanned} saw on each port — reachable (open), filtered (probed, not open), not-scanned.", t.Small);
        }
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

    /// <summary>The sockets table; an Exposure column only for a host an outside scan covered.</summary>
    private static Table SocketsTable(HostView host, Theme t)
    {
        var scanned = host.Scanned is not null;
        List<Column> columns =
        [
            new("Proto", scanned ? 1.0 : 0.8), new("Endpoint", scanned ? 2.7 : 3.2), new("Scope", 1.3), new("Processes", scanned ? 2.2 : 3.2),
            new("Line", 0.8, true), new("Status", 1.4), new("Findings", 1.3),
        ];
        if (scanned)
        {
            columns.Insert(3, new("Exposure", 1.9)); // fits "not-scanned" on one line
        }

        return new Table(columns, [.. host.Sockets.Select(s =>
        {
            List<Cell> cells =
            [
                Cell.Of(s.Proto, t.Cell), Cell.Of(s.Endpoint, t.CellMono), Cell.Of(s.Scope, t.Cell), Cell.Of(s.Processes, t.Cell),
                Cell.Of($"{s.Line}", t.Cell), t.BadgeCell(s.Status), Cell.Of(string.Join(" ", s.FindingIds), t.Cell),
            ];
            if (scanned)
            {
                cells.Insert(3, Cell.Of(s.Exposure ?? "", t.Cell));
            }

            return (IReadOnlyList<Cell>)cells;
        })], t.CellBold);
    }
}
