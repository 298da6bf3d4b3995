namespace PortCompliance.Core.Model;

/// <summary>Host-name globs: <c>*</c> any run, <c>?</c> one character, case-insensitive like DNS names.</summary>
internal static class Glob
{
    public static bool IsMatch(string text, string pattern) => Match(text.AsSpan(), pattern.AsSpan());

    private static bool Match(ReadOnlySpan<char> text, ReadOnlySpan<char> pattern)
    {
        int t = 0, p = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(text[t])))
            {
                t++;
                p++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
