using PortCompliance.Reporting.Model;
using PortCompliance.Reporting.Pdf.Layout;

namespace PortCompliance.Reporting.Pdf.Sections;

/// <summary>
/// A fleet's summary in place of the host sections: compliance by host and by rule, which host exposes which port,
/// and waivers about to expire. Every host's full section is in its own report, named in the first table.
/// </summary>
internal static class FleetSection
{
    public static IEnumerable<IBlock> Compose(FleetView fleet, Theme t)
    {
        yield return new Heading("Fleet", t.H1, 0, 0, rule: true, key: "fleet");
        yield return new Paragraph(
            $"{fleet.Hosts.Count} hosts: too many for one document, so each has a report of its own (hosts/ beside this file) with its " +
            "sockets, findings and the steps that fix them. This summary compares them.", t.Body, 8);
        foreach (var host in fleet.Hosts)
        {
            yield return Flow.FileBookmark($"{host.Host} — {host.PdfFile}", 1, host.PdfFile);
        }

        yield return new Heading("Compliance by host", t.H2, 4);
        yield return new Table(
            [
                new Column("Host", 1.9), new Column("OS", 1.6), new Column("Owner", 1.8), new Column("Status", 1.9), new Column("Sockets", 1.2, true),
                new Column("Open findings", 1.3, true), new Column("Sockets ok", 1.2, true), new Column("Report", 2.6),
            ],
            fleet.Hosts.Select(h => (IReadOnlyList<Cell>)
            [
                Cell.Of(h.Host, t.Cell), Cell.Of(h.Os, t.Cell), Cell.Of(h.Owner ?? "—", t.Cell), t.BadgeCell(h.Status), Cell.Of($"{h.Sockets}", t.Cell),
                Cell.Of($"{h.OpenFindings}", t.Cell), Cell.Of($"{h.CompliantPercent} %", t.Cell), Cell.Of(h.PdfFile, t.CellMono),
            ]), t.CellBold);
        yield return new Heading("Compliance by rule", t.H2, 4);
        yield return new Table(
            [new Column("Rule", 4), new Column("Hosts failing", 1.5, true), new Column("Hosts compliant", 1.6, true)],
            [.. fleet.Rules.Select(r => (IReadOnlyList<Cell>)
                [Cell.Of(r.Rule, t.Cell), Cell.Of($"{r.HostsFailing}", t.Cell), Cell.Of($"{r.CompliantPercent} %", t.Cell)])], t.CellBold);
        if (fleet.Exposed.Ports.Count > 0)
        {
            yield return new Heading("Ports exposed to the network, by host", t.H2, 4);
            yield return new Paragraph("● the host listens on the port on an address other than loopback. Columns are TCP ports unless marked udp; ports with an open finding first, then the most common.", t.Small, 4);
            yield return new Table(
                [new Column("Host", 2.0), .. fleet.Exposed.Ports.Select(p => new Column(p.StartsWith("tcp/", StringComparison.Ordinal) ? p[4..] : p.Replace("/", " "), 1.3, true))],
                fleet.Exposed.Rows.Select(r => (IReadOnlyList<Cell>)
                    [Cell.Of(r.Host, t.Cell), .. r.Exposes.Select(e => Cell.Of(e ? "●" : "", t.Cell))]), t.CellBold);
        }

        yield return new Heading("Waivers expiring within 30 days", t.H2, 4);
        yield return fleet.ExpiringSoon.Count == 0
            ? new Paragraph("None.", t.Body)
            : new Table(
                [new Column("Ticket", 1.6), new Column("Host", 2), new Column("Rule", 2), new Column("Where", 2.4), new Column("Expires", 1.6)],
                [.. fleet.ExpiringSoon.Select(w => (IReadOnlyList<Cell>)
                    [Cell.Of(w.Ticket, t.CellBold), Cell.Of(w.Host, t.Cell), Cell.Of(w.Rule, t.Cell), Cell.Of(w.Where, t.Cell), Cell.Of(w.Expires, t.Cell)])],
                t.CellBold);
    }
}
