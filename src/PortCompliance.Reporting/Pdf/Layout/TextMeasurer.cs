using PdfSharp.Drawing;
using PdfSharp.Events;
using PortCompliance.Reporting.Pdf.Fonts;

namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>
/// Widths of words in a font, cached: a report measures the same tokens (ports, rule ids, process names)
/// thousands of times. Text is capped and cleaned through the <see cref="GlyphFilter"/> before it is measured or drawn.
/// </summary>
internal sealed class TextMeasurer
{
    private readonly XGraphics _context = XGraphics.CreateMeasureContext(new XSize(1000, 1000), XGraphicsUnit.Point, XPageDirection.Downwards, new RenderEvents());
    private readonly Dictionary<(XFont Font, string Text), double> _widths = [];
    private readonly Dictionary<XFont, double> _monoAdvance = [];

    public GlyphFilter Glyphs { get; } = new();

    /// <summary>The text as it is set: each line capped to what a reader is shown (<see cref="DisplayText"/>), every glyph one the font has.</summary>
    public string Clean(string text, TextStyle style) => Glyphs.Clean(DisplayText.Cap(text), style.Font);

    public double Width(string text, TextStyle style)
    {
        if (style.IsMonospace)
        {
            return text.Length * Advance(style.Font);
        }

        if (!_widths.TryGetValue((style.Font, text), out var width))
        {
            width = _context.MeasureString(text, style.Font).Width;
            _widths[(style.Font, text)] = width;
        }

        return width;
    }

    /// <summary>How many characters of a monospace style fit in <paramref name="width"/>.</summary>
    public int Columns(TextStyle style, double width) => Math.Max(1, (int)Math.Floor(width / Advance(style.Font)));

    private double Advance(XFont font)
    {
        if (!_monoAdvance.TryGetValue(font, out var advance))
        {
            advance = _context.MeasureString("0", font).Width;
            _monoAdvance[font] = advance;
        }

        return advance;
    }
}
