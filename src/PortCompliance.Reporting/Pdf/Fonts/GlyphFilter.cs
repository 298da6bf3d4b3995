using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Events;
using PortCompliance.Core.Model;

namespace PortCompliance.Reporting.Pdf.Fonts;

/// <summary>
/// Makes untrusted text safe to set in a font: every character the font cannot show, every control or format
/// character (bidi overrides, zero-width joiners, NUL …) becomes a visible replacement mark instead of vanishing,
/// and is counted so the renderer can say how many it replaced. Process and host names come from the inputs and
/// may contain anything.
/// </summary>
internal sealed class GlyphFilter
{
    private readonly Dictionary<(string Face, char Char), bool> _covered = [];
    private readonly XGraphics _probe;
    private ushort _lastGlyph;

    public GlyphFilter()
    {
        // PDFsharp reports the glyph it picked for each code point through a render event; glyph 0 is .notdef.
        var events = new RenderEvents();
        events.RenderTextEvent += (_, e) => _lastGlyph = e.CodePointGlyphIndexPairs.Length == 1 ? e.CodePointGlyphIndexPairs[0].GlyphIndex : (ushort)0;
        _probe = XGraphics.CreateMeasureContext(new XSize(100, 100), XGraphicsUnit.Point, XPageDirection.Downwards, events);
    }

    /// <summary>Characters replaced so far.</summary>
    public int Replaced { get; private set; }

    public string Clean(string text, XFont font)
    {
        if (IsPlainAscii(text))
        {
            return text;
        }

        var face = font.FontFamily.Name + (font.Bold ? "/b" : "");
        var mark = Covers(face, font, '\uFFFD') ? '\uFFFD' : '?';
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or ' ' || (c >= '!' && c <= '~'))
            {
                clean.Append(c);
            }
            else if (c == '\t')
            {
                clean.Append(' ');
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // Outside the Basic Multilingual Plane PDFsharp 6.5 writes a wrong ToUnicode entry (text copied
                // from the PDF would differ from what is shown), so such characters are always replaced.
                i++;
                Replace(clean, mark);
            }
            else if (VisibleText.IsHidden(c) || !Covers(face, font, c))
            {
                Replace(clean, mark);
            }
            else
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    private void Replace(StringBuilder clean, char mark)
    {
        clean.Append(mark);
        Replaced++;
    }

    private static bool IsPlainAscii(string text)
    {
        foreach (var c in text)
        {
            if (c is not ('\n' or ' ') && (c < '!' || c > '~'))
            {
                return false;
            }
        }

        return true;
    }

    private bool Covers(string face, XFont font, char c)
    {
        if (!_covered.TryGetValue((face, c), out var covered))
        {
            _lastGlyph = 0;
            _probe.MeasureString(c.ToString(), font);
            covered = _lastGlyph != 0;
            _covered[(face, c)] = covered;
        }

        return covered;
    }
}
