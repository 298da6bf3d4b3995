using PortCompliance.Reporting.Model;
using PortCompliance.Reporting.Pdf.Layout;

namespace PortCompliance.Reporting.Pdf.Sections;

/// <summary>
/// The evidence appendix: every input file with its SHA-256 and how each of its lines was accounted for, the text of
/// every line that could not be read, and the inputs that could not be read at all.
/// </summary>
internal static class EvidenceSection
{
    public static IEnumerable<IBlock> Compose(ReportModel model, Theme t)
    {
        yield return new Heading("Evidence appendix", t.H1, 0, 0, rule: true);
        yield return new Paragraph(
            "The files this report rests on. Compare each SHA-256 with the file kept on record (sha256sum FILE) to confirm the " +
            "report was made from the same evidence. Every non-blank line is a header, a listening socket, a skipped socket " +
            "(not listening), or unparsed; unparsed lines are listed below with their text.", t.Body, 8);
        yield return new Table(
            [
                new Column("File and SHA-256", 4.6), new Column("Host", 2.2), new Column("Format", 1.1), new Column("Lines", 1, true),
                new Column("Sockets", 1.3, true), new Column("Skipped", 1.3, true), new Column("Unparsed", 1.45, true),
            ],
            model.Evidence.Select(e => (IReadOnlyList<Cell>)
            [
                Cell.Stack(new CellRun(e.Source, t.Cell), new CellRun(e.Sha256, t.CellMono)), Cell.Of(e.Host, t.Cell), Cell.Of(e.Format, t.Cell),
                Cell.Of($"{e.Lines}", t.Cell), Cell.Of($"{e.Sockets}", t.Cell), Cell.Of($"{e.Skipped}", t.Cell), Cell.Of($"{e.Unparsed.Count}", t.Cell),
            ]), t.CellBold);

        var withUnparsed = model.Evidence.Where(e => e.Unparsed.Count > 0).ToList();
        if (withUnparsed.Count > 0)
        {
            yield return new Heading("Unparsed lines", t.H2, 6, 1);
        }

        foreach (var file in withUnparsed)
        {
            yield return new Heading(file.Source, t.H3, 4);
            yield return new Table(
                [new Column("Line", 0.7, true), new Column("Text", 7), new Column("Why", 2.6)],
                [.. file.Unparsed.Select(u => (IReadOnlyList<Cell>)[Cell.Of($"{u.Line}", t.Cell), Cell.Of(u.Text, t.CellMono), Cell.Of(u.Reason, t.Cell)])],
                t.CellBold);
        }
    }

    public static IEnumerable<IBlock> ComposeInputErrors(ReportModel model, Theme t)
    {
        if (model.InputErrors.Count == 0)
        {
            yield break;
        }

        yield return new Heading("Inputs that could not be read", t.H1, 14, 0, rule: true);
        yield return new Paragraph("These inputs were named for the audit but could not be read; the hosts they describe are not in this report.", t.Body, 8);
        yield return new Table(
            [new Column("Input", 4), new Column("Line", 0.8, true), new Column("Problem", 5)],
            [.. model.InputErrors.Select(e => (IReadOnlyList<Cell>)[Cell.Of(e.Source, t.Cell), Cell.Of(e.Line > 0 ? $"{e.Line}" : "—", t.Cell), Cell.Of(e.Message, t.Cell)])],
            t.CellBold);
    }
}
