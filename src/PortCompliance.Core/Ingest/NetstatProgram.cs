using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>
/// What follows the state in a netstat row: optional <c>User Inode</c> (<c>-e</c>), then <c>PID/Program name</c>
/// (<c>812/nginx: master</c>, or <c>-</c> when not root), then an optional <c>-o</c> timer.
/// </summary>
internal static class NetstatProgram
{
    private static readonly string[] Timers = ["off (", "on (", "keepalive (", "timewait (", "probe (", "unkn-"];

    public static bool TryRead(ReadOnlySpan<char> text, Interner pool, out IReadOnlyList<SocketProcess> processes, out string error)
    {
        processes = [];
        error = "";
        text = WithoutTimer(text);
        if (IsProgramOrNone(text, pool, ref processes))
        {
            return true;
        }

        // -e puts "User Inode" first: a name or uid, then a number.
        var cursor = new TokenCursor(text);
        if (cursor.Next(out _) && cursor.Next(out var inode) && !inode.ContainsAnyExceptInRange('0', '9')
            && IsProgramOrNone(cursor.Rest, pool, ref processes))
        {
            return true;
        }

        error = $"unreadable PID/Program name column '{Excerpt.Of(text)}'";
        return false;
    }

    private static bool IsProgramOrNone(ReadOnlySpan<char> text, Interner pool, ref IReadOnlyList<SocketProcess> processes)
    {
        if (text.IsEmpty || text is "-")
        {
            return true;
        }

        var slash = text.IndexOf('/');
        if (slash <= 0 || text[..slash].ContainsAnyExceptInRange('0', '9') || !int.TryParse(text[..slash], out var pid))
        {
            return false;
        }

        var name = text[(slash + 1)..].Trim();
        var set = pool.StartProcessSet();
        set.Add(pool.Process(name, pid));
        processes = pool.ProcessSet(set);
        return true;
    }

    private static ReadOnlySpan<char> WithoutTimer(ReadOnlySpan<char> text)
    {
        if (!text.EndsWith(')'))
        {
            return text;
        }

        foreach (var timer in Timers)
        {
            var at = text.LastIndexOf(timer, StringComparison.Ordinal);
            if (at > 0 && char.IsWhiteSpace(text[at - 1]))
            {
                return text[..at].TrimEnd();
            }
        }

        return text;
    }
}
