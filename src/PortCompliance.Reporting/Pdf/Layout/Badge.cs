using PdfSharp.Drawing;

namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>
/// A label on a filled, outlined lozenge — severities and statuses. The words are always printed, so a badge
/// still reads right on a grey-scale printout where its colour does not.
/// </summary>
internal static class Badge
{
    public const double Pad = 4;

    public static double Width(string text, TextStyle style, TextMeasurer measurer) => measurer.Width(text, style) + 2 * Pad;

    public static void Draw(XGraphics g, string text, TextStyle style, XColor fill, double x, double top, double width)
    {
        var outline = new XPen(XColor.FromArgb(60, 60, 60), 0.6);
        g.DrawRoundedRectangle(outline, new XSolidBrush(fill), x, top + 0.8, width, style.LineHeight - 1.6, 4, 4);
        style.Draw(g, text, x + Pad, top);
    }
}
