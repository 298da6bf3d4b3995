using System.Globalization;
using System.Text;

namespace PortCompliance.Core.Model;

/// <summary>
/// Text that came from a host, made to read as what it is. A process or host name may carry anything: terminal
/// escapes (ESC, BEL), NUL, bidi overrides (U+202E) that make a name read backwards, characters XML 1.0 forbids.
/// The one definition of what does not show as itself; each output shows such characters visibly instead.
/// </summary>
public static class VisibleText
{
    /// <summary>
    /// A character that does not show as itself: C0 and C1 controls, format characters (bidi overrides, zero-width
    /// joiners), lone surrogates, unassigned code points and non-characters (U+FFFE), private use, line and paragraph separators.
    /// </summary>
    public static bool IsHidden(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned
        or UnicodeCategory.PrivateUse or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>Tab, line feed and carriage return: what a report's multi-line cell keeps.</summary>
    public const string Layout = "\t\n\r";

    /// <summary>
    /// <paramref name="text"/> with every hidden character written out as <c>\x1b</c> (up to U+00FF) or <c>\u202E</c>,
    /// except those in <paramref name="keep"/> (<see cref="Layout"/>, or none); a well-formed surrogate pair stays.
    /// </summary>
    public static string Escape(string text, string keep)
    {
        var first = FirstHidden(text, keep);
        if (first < 0)
        {
            return text;
        }

        var visible = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                visible.Append(c).Append(text[++i]);
            }
            else if (!Shows(c, keep))
            {
                visible.Append(c <= '\u00FF' ? $"\\x{(int)c:x2}" : $"\\u{(int)c:X4}");
            }
            else
            {
                visible.Append(c);
            }
        }

        return visible.ToString();
    }

    private static int FirstHidden(string text, string keep)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= ' ' and <= '~')
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!Shows(c, keep))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Shows(char c, string keep) => !IsHidden(c) || keep.Contains(c, StringComparison.Ordinal);
}
