using PdfSharp.Drawing;

namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>One table row wrapped to its column widths: the lines of each cell, and how to draw any run of them.</summary>
internal sealed class TableRowLayout
{
    public const double PadX = 4;
    public const double PadY = 3;
    private readonly IReadOnlyList<Cell> _cells;
    private readonly double[] _widths;
    private readonly Dictionary<(int Cell, int Line), Func<string>> _late = [];

    public TableRowLayout(IReadOnlyList<Cell> cells, double[] widths, TextMeasurer measurer)
    {
        _cells = cells;
        _widths = widths;
        var lines = new List<List<(string Text, TextStyle Style)>>();
        for (var c = 0; c < cells.Count; c++)
        {
            var width = widths[c] - 2 * PadX - (cells[c].Badge is null ? 0 : 2 * Badge.Pad);
            var cellLines = new List<(string Text, TextStyle Style)>();
            foreach (var run in cells[c].Runs)
            {
                if (run.Late is { } late)
                {
                    _late[(c, cellLines.Count)] = late;
                }

                cellLines.AddRange(Wrap(run, width, measurer));
            }

            lines.Add(cellLines);
        }

        Lines = lines;
        Height = Lines.Max(LinesHeight) + 2 * PadY;
    }

    /// <summary>Per cell, its wrapped lines with the style each is set in.</summary>
    public IReadOnlyList<List<(string Text, TextStyle Style)>> Lines { get; }

    public double Height { get; }

    public static double LinesHeight(IEnumerable<(string Text, TextStyle Style)> lines) => lines.Sum(l => l.Style.LineHeight);

    /// <summary>Draws lines [from, to) of every cell as one row slice of <paramref name="height"/> at <paramref name="top"/>.</summary>
    public void Draw(XGraphics g, double x, double top, double height, int[] from, int[] to, XColor? shade, bool[] alignRight, TextMeasurer measurer, bool ruled = true)
    {
        if (shade is { } fill)
        {
            g.DrawRectangle(new XSolidBrush(fill), x, top, _widths.Sum(), height);
        }

        var left = x;
        for (var c = 0; c < _cells.Count; c++)
        {
            var y = top + PadY;
            for (var i = from[c]; i < to[c]; i++)
            {
                var (text, style) = Lines[c][i];
                text = _late.TryGetValue((c, i), out var late) ? late() : text;
                var badge = _cells[c].Badge;
                var inner = badge is null ? 0 : Badge.Pad;
                var width = measurer.Width(text, style) + 2 * inner;
                var lineX = alignRight[c] ? left + _widths[c] - PadX - width : left + PadX;
                if (badge is { } color)
                {
                    Badge.Draw(g, text, style, color, lineX, y, width);
                }
                else
                {
                    style.Draw(g, text, lineX, y);
                }

                y += style.LineHeight;
            }

            left += _widths[c];
        }

        if (ruled)
        {
            g.DrawLine(new XPen(XColor.FromArgb(200, 200, 200), 0.5), x, top + height, x + _widths.Sum(), top + height);
        }
    }

    private static IEnumerable<(string, TextStyle)> Wrap(CellRun run, double width, TextMeasurer measurer)
    {
        if (run.Late is not null)
        {
            return [(run.Text, run.Style)];
        }

        var clean = measurer.Clean(run.Text, run.Style);
        var lines = run.Style.IsMonospace
            ? LineBreaker.WrapMono(clean, measurer.Columns(run.Style, width))
            : LineBreaker.Wrap(clean, run.Style, width, measurer);
        return lines.Select(l => (l, run.Style));
    }
}
