using System.Buffers;

namespace PortCompliance.Core.Ingest;

/// <summary>
/// What a detail line of <c>ss -i</c>, <c>-m</c>, <c>-o</c> or <c>-e</c> looks like: indented, and made only of
/// lowercase words (<c>cubic</c>, <c>ts</c>, <c>app_limited</c>), <c>key:value</c> pairs (<c>cwnd:10</c>,
/// <c>skmem:(r0,…)</c>, <c>rtt:0.1/0.05</c>) and rates (<c>send 27.9Mbps</c>). An indented line that reads as anything
/// else — <c>TCP LISTEN …</c>, <c>vsock LISTEN …</c>, a netstat row — is not a detail of the row above: taking it for
/// one would hide a listener.
/// </summary>
internal static class SsDetails
{
    private static readonly SearchValues<char> WordChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789_-");

    private static readonly SearchValues<char> Number = SearchValues.Create("0123456789.");

    public static bool IsDetailLine(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || !char.IsWhiteSpace(line[0]))
        {
            return false;
        }

        var cursor = new TokenCursor(line);
        var word = false; // numbers alone (a row of another listing, columns lost) are no details: ss names each value
        while (cursor.Next(out var token))
        {
            if (!IsDetailToken(token))
            {
                return false;
            }

            word |= char.IsAsciiLetterLower(token[0]);
        }

        return word;
    }

    private static bool IsDetailToken(ReadOnlySpan<char> token)
    {
        var colon = token.IndexOf(':');
        var word = colon < 0 ? token : token[..colon];
        if (word.IsEmpty)
        {
            return false;
        }

        if (char.IsAsciiLetterLower(word[0]))
        {
            // cubic, ts, app_limited, tcp-ulp-tls; cwnd:10, skmem:(r0,rb131072,…), bbr:(bw:1Mbps,…), version: 1.2
            return !word.ContainsAnyExcept(WordChars);
        }

        // 1.2 (after "version:"), 27887.0Mbps (after "send"), 12ms: a number, its unit in lowercase letters or bps forms.
        return colon < 0 && char.IsAsciiDigit(word[0]) && IsRate(word);
    }

    private static bool IsRate(ReadOnlySpan<char> token)
    {
        var unit = token.IndexOfAnyExcept(Number);
        if (unit < 0)
        {
            return true;
        }

        foreach (var c in token[unit..])
        {
            if (!char.IsAsciiLetter(c) && c != '%')
            {
                return false;
            }
        }

        return true;
    }
}
