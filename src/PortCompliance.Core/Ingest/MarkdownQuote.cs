namespace PortCompliance.Core.Ingest;

/// <summary>
/// A listing pasted into a Markdown quote (<c>&gt; Netid State …</c>, <c>&gt; tcp LISTEN …</c>, nested <c>&gt;&gt;</c>):
/// the marker is the page's, not the tool's, so ss and netstat read the line behind it; the line is kept as shown.
/// </summary>
internal static class MarkdownQuote
{
    public static ReadOnlySpan<char> Strip(ReadOnlySpan<char> line)
    {
        var start = line.IndexOfAnyExcept(TokenCursor.Blanks);
        if (start < 0 || line[start] != '>')
        {
            return line;
        }

        var rest = line[start..].TrimStart('>');
        return rest.Length > 0 && !TokenCursor.Blanks.Contains(rest[0]) ? line : TokenCursor.Trim(rest);
    }
}
