using PdfSharp.Drawing;

namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>
/// A table whose cells wrap inside their columns and which splits across pages between rows, repeating its header
/// row at the top of every page it continues on. A row taller than a whole page is itself split between lines.
/// Rows may be a lazy sequence (a fleet's 10,000 hosts): they are read as they are placed, and may be read twice.
/// </summary>
internal sealed class Table(IReadOnlyList<Column> columns, IEnumerable<IReadOnlyList<Cell>> rows, TextStyle headerStyle, double spaceAfter = 10) : IBlock
{
    private static readonly XColor HeaderShade = XColor.FromArgb(226, 226, 226);
    private static readonly XColor ZebraShade = XColor.FromArgb(246, 246, 246);
    private const double MinimumStart = 48;
    private double _width = double.NaN;
    private double[] _widths = [];
    private TableRowLayout? _header;

    // Rows are laid out as they are placed, so a 10,000-row host table never holds all its wrapped lines at once;
    // only a table asked for its height (to keep it together with what follows) keeps them.
    private List<TableRowLayout>? _measured;

    public double Height(PageFlow flow)
    {
        Layout(flow);
        _measured ??= [.. LaidOut(flow)];
        return _header!.Height + _measured.Sum(r => r.Height) + spaceAfter;
    }

    public void Place(PageFlow flow)
    {
        Layout(flow);
        var header = _header!;
        using var rowsLaidOut = (_measured ?? LaidOut(flow)).GetEnumerator();
        var more = rowsLaidOut.MoveNext();
        var firstRow = more ? Math.Min(rowsLaidOut.Current.Height, flow.BodyHeight / 3) : 0;
        if (flow.Space < header.Height + firstRow)
        {
            flow.PageBreak();
        }

        DrawWhole(flow, header, HeaderShade);
        for (var i = 0; more; i++, more = rowsLaidOut.MoveNext())
        {
            var shade = i % 2 == 1 ? ZebraShade : (XColor?)null;
            var row = rowsLaidOut.Current;
            // A short row moves whole to the next page; a tall one (a long host list) is split where it stands rather
            // than leave half a page empty — unless too little room is left to start it.
            if (row.Height > flow.Space && (row.Height <= flow.BodyHeight / 4 || flow.Space < header.Height + MinimumStart))
            {
                flow.NewPage();
                DrawWhole(flow, header, HeaderShade);
            }

            if (row.Height <= flow.Space)
            {
                DrawWhole(flow, row, shade);
            }
            else
            {
                DrawSplit(flow, row, header, shade);
            }
        }

        flow.Gap(spaceAfter);
    }

    private IEnumerable<TableRowLayout> LaidOut(PageFlow flow) => rows.Select(r => new TableRowLayout(r, _widths, flow.Measurer));

    private void DrawWhole(PageFlow flow, TableRowLayout row, XColor? shade) =>
        DrawSlice(flow, row, new int[columns.Count], [.. row.Lines.Select(l => l.Count)], row.Height, shade);

    /// <summary>A row taller than a page: as many lines of each cell as fit, then the rest under a repeated header.</summary>
    private void DrawSplit(PageFlow flow, TableRowLayout row, TableRowLayout header, XColor? shade)
    {
        var from = new int[columns.Count];
        while (from.Select((start, c) => start < row.Lines[c].Count).Any(left => left))
        {
            var room = flow.Space - 2 * TableRowLayout.PadY;
            var to = from.Select((start, c) => Fit(row.Lines[c], start, room)).ToArray();
            if (to.SequenceEqual(from))
            {
                flow.NewPage();
                DrawWhole(flow, header, HeaderShade);
                continue;
            }

            var height = to.Select((end, c) => TableRowLayout.LinesHeight(row.Lines[c].Skip(from[c]).Take(end - from[c]))).Max();
            DrawSlice(flow, row, from, to, height + 2 * TableRowLayout.PadY, shade);
            from = to;
        }
    }

    private static int Fit(List<(string Text, TextStyle Style)> lines, int start, double room)
    {
        var end = start;
        for (var used = 0.0; end < lines.Count && used + lines[end].Style.LineHeight <= room; end++)
        {
            used += lines[end].Style.LineHeight;
        }

        return end;
    }

    private void DrawSlice(PageFlow flow, TableRowLayout row, int[] from, int[] to, double height, XColor? shade)
    {
        var (x, top, measurer) = (flow.Left, flow.Take(height), flow.Measurer);
        var alignRight = columns.Select(c => c.AlignRight).ToArray();
        flow.Draw(g => row.Draw(g, x, top, height, from, to, shade, alignRight, measurer));
    }

    private void Layout(PageFlow flow)
    {
        if (flow.Width == _width)
        {
            return;
        }

        var total = columns.Sum(c => c.Weight);
        _widths = [.. columns.Select(c => flow.Width * c.Weight / total)];
        _header = new TableRowLayout([.. columns.Select(c => Cell.Of(c.Title, headerStyle))], _widths, flow.Measurer);
        _measured = null;
        _width = flow.Width;
    }
}
