using System.Globalization;
using System.Text;

namespace PortCompliance.Reporting;

/// <summary>
/// How much text a report shows a reader (the PDF and the HTML). A 2 MB token in a process name or address took
/// gigabytes and minutes to lay out, and nobody reads it: an unbroken token longer than <see cref="MaxToken"/> and a
/// line longer than <see cref="MaxLine"/> are cut with a visible <c>…(N characters)</c>, N the token's or line's whole
/// length. The machine formats (JSON, CSV) keep the full text. Long lists of short words (a control's 900 hosts) stay.
/// </summary>
internal static class DisplayText
{
    /// <summary>Three times the longest line of any file in samples/; a SHA-256 or an IPv6 scope id is far shorter.</summary>
    public const int MaxToken = 2000;

    /// <summary>Room for every host of a 5,000-host fleet in one cell, at about 12 pages of a narrow column.</summary>
    public const int MaxLine = 100_000;

    public static string Cap(string text)
    {
        if (text.Length <= MaxToken || !TooLong(text))
        {
            return text;
        }

        var capped = new StringBuilder(Math.Min(text.Length, MaxLine + 64));
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            var length = (end < 0 ? text.Length : end) - start;
            if (start > 0)
            {
                capped.Append('\n');
            }

            AppendLine(capped, text, start, length);
            start += length + 1;
        }

        return capped.ToString();
    }

    private static void AppendLine(StringBuilder capped, string text, int start, int length)
    {
        var lineStart = capped.Length;
        var i = start;
        while (i < start + length)
        {
            var space = text.IndexOf(' ', i, start + length - i);
            var tokenEnd = space < 0 ? start + length : space;
            Append(capped, text, i, tokenEnd - i, MaxToken);
            if (space >= 0)
            {
                capped.Append(' ');
            }

            i = tokenEnd + 1;
            if (capped.Length - lineStart > MaxLine)
            {
                var shown = char.IsHighSurrogate(capped[lineStart + MaxLine - 1]) ? MaxLine - 1 : MaxLine;
                capped.Length = lineStart + shown;
                capped.Append(CultureInfo.InvariantCulture, $"…({length} characters)");
                return;
            }
        }
    }

    private static void Append(StringBuilder capped, string text, int start, int length, int max)
    {
        if (length <= max)
        {
            capped.Append(text, start, length);
            return;
        }

        // A cut between the halves of a surrogate pair would leave half a character.
        var shown = char.IsHighSurrogate(text[start + max - 1]) ? max - 1 : max;
        capped.Append(text, start, shown).Append(CultureInfo.InvariantCulture, $"…({length} characters)");
    }

    private static bool TooLong(string text)
    {
        int line = 0, token = 0;
        foreach (var c in text)
        {
            (line, token) = c switch
            {
                '\n' => (0, 0),
                ' ' => (line + 1, 0),
                _ => (line + 1, token + 1),
            };
            if (token > MaxToken || line > MaxLine)
            {
                return true;
            }
        }

        return false;
    }
}
