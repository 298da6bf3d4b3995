using PdfSharp.Drawing;

namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>A table column: its title, its share of the table's width, and whether its cells align right (numbers).</summary>
internal sealed record Column(string Title, double Weight, bool AlignRight = false);

/// <summary>One piece of a cell's text in one style; a cell stacks its runs (a file path above its SHA-256).</summary>
internal sealed record CellRun(string Text, TextStyle Style);

/// <summary>A table cell: text runs, optionally drawn as a badge (a status with its colour and its word).</summary>
internal sealed record Cell(IReadOnlyList<CellRun> Runs, XColor? Badge = null)
{
    public static Cell Of(string text, TextStyle style) => new([new CellRun(text, style)]);

    public static Cell Stack(params CellRun[] runs) => new(runs);

    public static Cell BadgeOf(string text, TextStyle style, XColor fill) => new([new CellRun(text, style)], fill);
}
