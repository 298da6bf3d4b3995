namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>
/// Breaks text into lines that fit a width. Prose breaks at spaces; a token wider than the line (a SHA-256, a long
/// path, <c>[fe80::fc:ff:fe00:1]%eth0:7100</c>) is broken hard, after punctuation where it can. Monospace text keeps
/// every space, so the wrapped lines joined again are exactly the original evidence.
/// </summary>
internal static class LineBreaker
{
    private const string SoftBreakAfter = "/:,.-_]%=);|";
    private static readonly char[] SoftBreaks = [.. SoftBreakAfter];

    public static List<string> Wrap(string text, TextStyle style, double width, TextMeasurer measurer)
    {
        var lines = new List<string>();
        var space = measurer.Width(" ", style);
        foreach (var hardLine in text.Split('\n'))
        {
            var current = "";
            var currentWidth = 0.0;
            foreach (var word in hardLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var wordWidth = measurer.Width(word, style);
                if (current.Length > 0 && currentWidth + space + wordWidth <= width)
                {
                    current += " " + word;
                    currentWidth += space + wordWidth;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                }

                var rest = word;
                while (measurer.Width(rest, style) > width)
                {
                    var cut = FittingPrefix(rest, style, width, measurer);
                    lines.Add(rest[..cut]);
                    rest = rest[cut..];
                }

                current = rest;
                currentWidth = measurer.Width(rest, style);
            }

            lines.Add(current);
        }

        return lines;
    }

    public static List<string> WrapMono(string text, int columns)
    {
        var lines = new List<string>();
        foreach (var hardLine in text.Split('\n'))
        {
            var rest = hardLine.TrimEnd();
            while (rest.Length > columns)
            {
                var cut = rest.LastIndexOf(' ', columns - 1, columns / 2) + 1;
                if (cut == 0)
                {
                    cut = rest.LastIndexOfAny(SoftBreaks, columns - 1, columns / 3) + 1;
                }

                cut = cut == 0 ? columns : cut;
                lines.Add(rest[..cut]);
                rest = rest[cut..];
            }

            lines.Add(rest);
        }

        return lines;
    }

    /// <summary>The longest prefix that fits (at least one character), moved back to just after punctuation if that is near.</summary>
    private static int FittingPrefix(string token, TextStyle style, double width, TextMeasurer measurer)
    {
        int low = 1, high = token.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (measurer.Width(token[..middle], style) <= width)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        for (var i = low; i > low * 2 / 3; i--)
        {
            if (SoftBreakAfter.Contains(token[i - 1]))
            {
                return i;
            }
        }

        return low;
    }
}
