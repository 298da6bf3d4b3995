using System.Collections.Concurrent;
using PdfSharp.Drawing;
using PdfSharp.Events;
using PortCompliance.Reporting.Pdf.Fonts;

namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>
/// Widths of text in a font, as PDFsharp measures it — the sum of each character's advance in font units, scaled
/// once — from a table of advances every report shares, so measuring a word allocates nothing. Text is capped and
/// cleaned through the <see cref="GlyphFilter"/> before it is measured or drawn.
/// </summary>
internal sealed class TextMeasurer
{
    /// <summary>Advances in font units by typeface (family and style), whatever the size.</summary>
    private static readonly ConcurrentDictionary<(string Family, XFontStyleEx Style), Advances> Typefaces = new();

    private readonly XGraphics _context = XGraphics.CreateMeasureContext(new XSize(1000, 1000), XGraphicsUnit.Point, XPageDirection.Downwards, new RenderEvents());

    public GlyphFilter Glyphs { get; } = new();

    /// <summary>The text as it is set: each line capped to what a reader is shown (<see cref="DisplayText"/>), every glyph one the font has.</summary>
    public string Clean(string text, TextStyle style) => Glyphs.Clean(DisplayText.Cap(text), style.Font);

    public double Width(string text, TextStyle style)
    {
        var font = style.Font;
        if (style.IsMonospace)
        {
            return text.Length * Advance(font);
        }

        var advances = Of(font);
        var units = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            units += advances.Of(rune.Value, font, _context);
        }

        // The same arithmetic as PDFsharp's own measuring (FontHelper.MeasureString), so lines break where they did.
        return units * font.Size / advances.UnitsPerEm;
    }

    /// <summary>How many characters of a monospace style fit in <paramref name="width"/>.</summary>
    public int Columns(TextStyle style, double width) => Math.Max(1, (int)Math.Floor(width / Advance(style.Font)));

    private double Advance(XFont font)
    {
        var advances = Of(font);
        return advances.Of('0', font, _context) * font.Size / advances.UnitsPerEm;
    }

    private static Advances Of(XFont font) =>
        Typefaces.GetOrAdd((font.FontFamily.Name, font.Style), static (_, font) => new Advances(font.Metrics.UnitsPerEm), font);

    /// <summary>
    /// One typeface's advances, learnt a character at a time from PDFsharp; a race between two reports measuring the
    /// same new character writes the same number twice.
    /// </summary>
    private sealed class Advances(int unitsPerEm)
    {
        private const int Unknown = -1;
        private readonly int[] _basic = Enumerable.Repeat(Unknown, 0x10000).ToArray();
        private readonly ConcurrentDictionary<int, int> _astral = new();

        public int UnitsPerEm { get; } = unitsPerEm;

        public int Of(int codePoint, XFont font, XGraphics context)
        {
            if (codePoint < _basic.Length)
            {
                var known = Volatile.Read(ref _basic[codePoint]);
                if (known == Unknown)
                {
                    known = Measure(codePoint, font, context);
                    Volatile.Write(ref _basic[codePoint], known);
                }

                return known;
            }

            return _astral.TryGetValue(codePoint, out var astral) ? astral : _astral[codePoint] = Measure(codePoint, font, context);
        }

        private int Measure(int codePoint, XFont font, XGraphics context) =>
            (int)Math.Round(context.MeasureString(char.ConvertFromUtf32(codePoint), font).Width * UnitsPerEm / font.Size);
    }
}
