using PortCompliance.Reporting.Evidence;
using PortCompliance.Reporting.Model;
using PortCompliance.Reporting.Pdf.Layout;

namespace PortCompliance.Reporting.Pdf.Sections;

/// <summary>
/// The evidence appendix: every input file with its SHA-256 and how each of its lines was accounted for, the text of
/// every line that could not be read, and the inputs that could not be read at all.
/// </summary>
internal static class EvidenceSection
{
    public static IEnumerable<IBlock> Compose(ReportModel model, Theme t, IReadOnlyList<EvidenceAttachment> attachments)
    {
        yield return new Heading("Evidence appendix", t.H1, 0, 0, rule: true);
        foreach (var block in Attachments(model, t, attachments))
        {
            yield return block;
        }

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

    /// <summary>The files attached to this PDF, each with its SHA-256, and those left out with the reason.</summary>
    private static IEnumerable<IBlock> Attachments(ReportModel model, Theme t, IReadOnlyList<EvidenceAttachment> attachments)
    {
        yield return new Heading("Attached to this PDF", t.H2, 2, 1);
        var attached = attachments.Count(a => a.Attached);
        yield return new Paragraph(
            $"{attached} of the files this report rests on are attached to this PDF, byte for byte as they were judged " +
            "(a PDF viewer's attachments panel, or pdfdetach -saveall report.pdf, gives them back; sha256sum of each must print " +
            "the SHA-256 below). portcompliance verify checks them against results.json." +
            (model.Scope == ReportScope.FleetSummary ? " Each host's input listings are attached to its own report under hosts/." : ""),
            t.Body, 6);
        yield return new Table(
            [new Column("Attachment", 2.6), new Column("What", 4.2), new Column("Size", 1.2, true), new Column("SHA-256", 4.4)],
            attachments.Select(a => (IReadOnlyList<Cell>)
            [
                Cell.Of(a.Name, t.Cell), Cell.Stack([new CellRun($"{a.Kind.Name()}: {a.Source}", t.Cell), .. a.Note is { } note ? [new CellRun(note, t.Small)] : Array.Empty<CellRun>()]),
                Cell.Of(a.Attached ? AttachmentPlan.Size(a.Size) : "—", t.Cell), Cell.Of(a.Sha256, t.CellMono),
            ]), t.CellBold);
        yield return new Heading("Input files", t.H2, 8, 1);
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
