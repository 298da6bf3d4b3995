using PdfSharp.Drawing;

namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>One bar: its category, its value, and its fill.</summary>
internal sealed record Bar(string Label, int Value, XColor Fill);

/// <summary>
/// A horizontal bar chart drawn with vector shapes, every bar labelled with its category and its value, so the
/// chart reads the same printed in grey and can be checked against the numbers. Never split across pages.
/// </summary>
internal sealed class BarChart(IReadOnlyList<Bar> bars, TextStyle labelStyle, TextStyle valueStyle, double spaceAfter = 10) : IBlock
{
    private const double BarHeight = 15;
    private const double BarGap = 6;
    private const double ValueRoom = 36;

    public double Height(PageFlow flow) => bars.Count * (BarHeight + BarGap) + BarGap + spaceAfter;

    public void Place(PageFlow flow)
    {
        var measurer = flow.Measurer;
        var labels = bars.Select(b => measurer.Clean(b.Label, labelStyle)).ToList();
        var labelWidth = labels.Max(l => measurer.Width(l, labelStyle)) + 10;
        var height = Height(flow) - spaceAfter;
        var (x, top) = (flow.Left, flow.Take(height));
        var axisX = x + labelWidth;
        var room = flow.Width - labelWidth - ValueRoom;
        var max = Math.Max(1, bars.Max(b => b.Value));
        flow.Draw(g =>
        {
            var outline = new XPen(XColor.FromArgb(60, 60, 60), 0.6);
            for (var i = 0; i < bars.Count; i++)
            {
                var y = top + BarGap + i * (BarHeight + BarGap);
                var centre = y + (BarHeight - labelStyle.LineHeight) / 2;
                labelStyle.Draw(g, labels[i], x, centre);
                var length = room * bars[i].Value / max;
                if (length > 0)
                {
                    g.DrawRectangle(outline, new XSolidBrush(bars[i].Fill), axisX, y, length, BarHeight);
                }

                valueStyle.Draw(g, bars[i].Value.ToString(), axisX + length + 5, y + (BarHeight - valueStyle.LineHeight) / 2);
            }

            g.DrawLine(new XPen(XColors.Black, 0.8), axisX, top, axisX, top + height);
        });
        flow.Gap(spaceAfter);
    }
}
