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

                var start = 0;
                int cut;
                while (wordWidth > width && start + (cut = FittingPrefix(word, start, style, width, measurer)) < word.Length)
                {
                    lines.Add(word.Substring(start, cut));
                    start += cut;
                }

                current = start == 0 ? word : word[start..];
                currentWidth = start == 0 ? wordWidth : measurer.Width(current, style);
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
            var line = hardLine.TrimEnd();
            var start = 0;
            while (line.Length - start > columns)
            {
                var cut = line.LastIndexOf(' ', start + columns - 1, columns / 2) + 1;
                if (cut == 0)
                {
                    cut = line.LastIndexOfAny(SoftBreaks, start + columns - 1, columns / 3) + 1;
                }

                cut = cut == 0 ? columns : cut - start;
                lines.Add(line.Substring(start, cut));
                start += cut;
            }

            lines.Add(start == 0 ? line : line[start..]);
        }

        return lines;
    }

    /// <summary>
    /// How many characters of <paramref name="token"/> from <paramref name="start"/> fit (all that are left, or at least
    /// one), moved back to just after punctuation if that is near. The prefix is found by doubling then halving, so a
    /// line costs about its own length a few times over, not the token's: a 2 MB token breaks in linear time.
    /// </summary>
    private static int FittingPrefix(string token, int start, TextStyle style, double width, TextMeasurer measurer)
    {
        var left = token.Length - start;
        bool Fits(int length) => measurer.Width(token.Substring(start, length), style) <= width;

        int fits = 0, over = 1;
        while (true)
        {
            if (over >= left)
            {
                if (Fits(left))
                {
                    return left;
                }

                over = left;
                break;
            }

            if (!Fits(over))
            {
                break;
            }

            (fits, over) = (over, over * 2);
        }

        int low = Math.Max(fits, 1), high = over - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (Fits(middle))
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
            if (SoftBreakAfter.Contains(token[start + i - 1]))
            {
                return i;
            }
        }

        return low;
    }
}
