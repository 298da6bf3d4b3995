using PdfSharp.Drawing;

namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>A framed, shaded box around a few blocks (the verdict, a waiver note). It is never split across pages.</summary>
internal sealed class Panel(IReadOnlyList<IBlock> blocks, XColor fill, XColor border, double borderWidth = 1, double padding = 10) : IBlock
{
    public double Height(PageFlow flow)
    {
        using (flow.Inset(padding, padding))
        {
            return blocks.Sum(b => b.Height(flow)) + 2 * padding;
        }
    }

    public void Place(PageFlow flow)
    {
        var height = Height(flow);
        if (height > flow.Space)
        {
            flow.PageBreak();
        }

        var (x, width, top) = (flow.Left, flow.Width, flow.Take(padding));
        var pen = new XPen(border, borderWidth);
        var brush = new XSolidBrush(fill);
        flow.Draw(g => g.DrawRectangle(pen, brush, x, top, width, height));
        using (flow.Inset(padding, padding))
        {
            foreach (var block in blocks)
            {
                block.Place(flow);
            }
        }

        flow.Take(Math.Max(0, top + height - flow.Y));
    }
}
