using PdfSharp.Drawing;

namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>A label and a ruled line to write on — the sign-off block is filled in by hand on a printout.</summary>
internal sealed class SignatureLine(string label, TextStyle style, double labelWidth = 150, double height = 30) : IBlock
{
    public double Height(PageFlow flow) => height;

    public void Place(PageFlow flow)
    {
        var (x, width, top) = (flow.Left, flow.Width, flow.Take(height));
        var text = flow.Measurer.Clean(label, style);
        var textTop = top + height - style.LineHeight - 2;
        flow.Draw(g =>
        {
            style.Draw(g, text, x, textTop);
            g.DrawLine(new XPen(XColor.FromArgb(60, 60, 60), 0.7), x + labelWidth, top + height - 3, x + width, top + height - 3);
        });
    }
}
