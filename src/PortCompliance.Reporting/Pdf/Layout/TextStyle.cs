using PdfSharp.Drawing;

namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>A font, a colour and the height of one line set in them; draws one line inside its line box.</summary>
internal sealed class TextStyle
{
    private readonly double _baseline;

    public TextStyle(XFont font, XColor color, double lineHeight)
    {
        Font = font;
        Color = color;
        Brush = new XSolidBrush(color);
        LineHeight = lineHeight;
        IsMonospace = font.FontFamily.Name == Fonts.PdfFonts.Mono;
        var metrics = font.Metrics;
        var ascent = metrics.Ascent * font.Size / metrics.UnitsPerEm;
        var descent = metrics.Descent * font.Size / metrics.UnitsPerEm;

        // Centre the glyphs' ascent-to-descent box in the line box, so rows and badges look balanced.
        _baseline = (lineHeight - ascent - descent) / 2 + ascent;
    }

    public XFont Font { get; }
    public XColor Color { get; }
    public XBrush Brush { get; }
    public double LineHeight { get; }
    public bool IsMonospace { get; }

    public TextStyle WithColor(XColor color) => new(Font, color, LineHeight);

    /// <summary>Draws one already-wrapped line with its line box's top-left corner at (<paramref name="x"/>, <paramref name="top"/>).</summary>
    public void Draw(XGraphics g, string line, double x, double top) => g.DrawString(line, Font, Brush, x, top + _baseline);
}
