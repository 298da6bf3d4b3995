using PdfSharp.Drawing;

namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>A table column: its title, its share of the table's width, and whether its cells align right (numbers).</summary>
internal sealed record Column(string Title, double Weight, bool AlignRight = false);

/// <summary>
/// One piece of a cell's text in one style; a cell stacks its runs (a file path above its SHA-256). A late run is
/// one line whose text is known only when pages are drawn (a page number); <see cref="Text"/> then only reserves its width.
/// </summary>
internal sealed record CellRun(string Text, TextStyle Style, Func<string>? Late = null);

/// <summary>A table cell: text runs, optionally drawn as a badge (a status with its colour and its word).</summary>
internal sealed record Cell(IReadOnlyList<CellRun> Runs, XColor? Badge = null)
{
    public static Cell Of(string text, TextStyle style) => new([new CellRun(text, style)]);

    public static Cell Stack(params CellRun[] runs) => new(runs);

    public static Cell PageOf(Func<string> page, TextStyle style) => new([new CellRun("0000", style, page)]);

    public static Cell BadgeOf(string text, TextStyle style, XColor fill) => new([new CellRun(text, style)], fill);
}
