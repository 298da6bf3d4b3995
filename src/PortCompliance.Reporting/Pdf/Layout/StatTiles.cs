using PdfSharp.Drawing;

namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>A key figure and what it counts (<c>12 / 45</c> over "compliant hosts").</summary>
internal sealed record Stat(string Value, string Caption);

/// <summary>A row of framed key figures across the page, as an executive summary opens. Never split.</summary>
internal sealed class StatTiles(IReadOnlyList<Stat> stats, TextStyle valueStyle, TextStyle captionStyle, double spaceAfter = 12) : IBlock
{
    private const double Gap = 8;
    private const double Pad = 7;

    public double Height(PageFlow flow) => TileHeight + spaceAfter;

    private double TileHeight => valueStyle.LineHeight + 2 * captionStyle.LineHeight + 2 * Pad;

    public void Place(PageFlow flow)
    {
        var measurer = flow.Measurer;
        var width = (flow.Width - Gap * (stats.Count - 1)) / stats.Count;
        var (x, top, height) = (flow.Left, flow.Take(TileHeight), TileHeight);
        var captions = stats.Select(s => LineBreaker.Wrap(measurer.Clean(s.Caption, captionStyle), captionStyle, width - 2 * Pad, measurer)).ToList();
        var values = stats.Select(s => measurer.Clean(s.Value, valueStyle)).ToList();
        flow.Draw(g =>
        {
            var pen = new XPen(XColor.FromArgb(120, 120, 120), 0.8);
            for (var i = 0; i < stats.Count; i++)
            {
                var left = x + i * (width + Gap);
                g.DrawRectangle(pen, new XSolidBrush(XColor.FromArgb(248, 248, 248)), left, top, width, height);
                valueStyle.Draw(g, values[i], left + Pad, top + Pad);
                var y = top + Pad + valueStyle.LineHeight;
                foreach (var line in captions[i].Take(2))
                {
                    captionStyle.Draw(g, line, left + Pad, y);
                    y += captionStyle.LineHeight;
                }
            }
        });
        flow.Gap(spaceAfter);
    }
}
