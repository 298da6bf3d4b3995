namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>
/// Labelled facts, one per row, the value wrapping beside its label (the cover's scope, a host's provenance).
/// Rows reuse the table's cell layout, without header, shading or rules.
/// </summary>
internal sealed class KeyValueList(IReadOnlyList<(string Label, Cell Value)> rows, TextStyle labelStyle, double labelWidth = 120, double spaceAfter = 8) : IBlock
{
    private double _width = double.NaN;
    private List<TableRowLayout> _rows = [];

    public double Height(PageFlow flow) => Layout(flow).Sum(r => r.Height) + spaceAfter;

    public void Place(PageFlow flow)
    {
        var measurer = flow.Measurer;
        bool[] alignRight = [false, false];
        foreach (var row in Layout(flow))
        {
            var (x, top) = (flow.Left, flow.Take(row.Height));
            int[] from = [0, 0];
            int[] to = [.. row.Lines.Select(l => l.Count)];
            flow.Draw(g => row.Draw(g, x, top, row.Height, from, to, null, alignRight, measurer, ruled: false));
        }

        flow.Gap(spaceAfter);
    }

    private List<TableRowLayout> Layout(PageFlow flow)
    {
        if (flow.Width != _width)
        {
            double[] widths = [labelWidth, flow.Width - labelWidth];
            _rows = [.. rows.Select(r => new TableRowLayout([Cell.Of(r.Label, labelStyle), r.Value], widths, flow.Measurer))];
            _width = flow.Width;
        }

        return _rows;
    }
}
