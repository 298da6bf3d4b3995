using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>
/// Where macOS <c>netstat -v</c> puts the process after the state: a bare <c>pid</c> column
/// (<c>rhiwat shiwat pid epid</c>, older releases) or <c>process:pid</c> (<c>launchd:1</c>,
/// <c>Google Chrome fo:91452</c>, after <c>rxbytes txbytes rhiwat shiwat</c>). Learnt from the header; a row
/// grepped out of its header is read by its shape.
/// </summary>
internal readonly record struct BsdNetstatProcess(BsdProcessColumn Kind, int Skip)
{
    /// <summary>No header seen yet: rows are read by their shape.</summary>
    public static readonly BsdNetstatProcess Unknown = new(BsdProcessColumn.Unknown, 0);

    public static BsdNetstatProcess FromHeader(ReadOnlySpan<char> header)
    {
        var state = header.IndexOf("(state)", StringComparison.Ordinal);
        if (state < 0)
        {
            return new(BsdProcessColumn.None, 0);
        }

        var cursor = new TokenCursor(header[(state + "(state)".Length)..]);
        for (var index = 0; cursor.Next(out var column); index++)
        {
            if (column is "pid")
            {
                return new(BsdProcessColumn.Pid, index);
            }

            if (column is "process:pid")
            {
                return new(BsdProcessColumn.Named, index);
            }
        }

        return new(BsdProcessColumn.None, 0);
    }

    /// <summary>Says whether a header names the <c>-v</c> columns only macOS prints.</summary>
    public static bool IsMacOsHeader(ReadOnlySpan<char> header) =>
        header.Contains("rhiwat", StringComparison.Ordinal) || header.Contains("rxbytes", StringComparison.Ordinal);

    /// <param name="text">The row after its state (TCP) or foreign address (UDP).</param>
    public bool TryRead(ReadOnlySpan<char> text, Interner pool, out IReadOnlyList<SocketProcess> processes, out string error)
    {
        processes = [];
        error = "";
        var cursor = new TokenCursor(text);
        switch (Kind)
        {
            case BsdProcessColumn.None:
                return true;
            case BsdProcessColumn.Pid:
                for (var i = 0; i < Skip; i++)
                {
                    cursor.Next(out _);
                }

                if (cursor.Next(out var pid) && TryPid(pid, out var number))
                {
                    processes = One(pool, pool.Pid(number));
                    return true;
                }

                error = $"expected a pid in column {Skip + 1} after the state, found '{Excerpt.Of(pid)}'";
                return false;
            case BsdProcessColumn.Named:
                for (var i = 0; i < Skip; i++)
                {
                    cursor.Next(out _);
                }

                if (TryNamed(cursor.Rest, pool, out processes))
                {
                    return true;
                }

                error = $"expected process:pid after the buffer columns, found '{Excerpt.Of(cursor.Rest)}'";
                return false;
            default:
                return TryByShape(text, pool, out processes);
        }
    }

    /// <summary>
    /// Without a header: four counts then <c>0x…</c> flags is the old layout (the third count is the pid), four counts
    /// then <c>name:pid</c> the new one. Anything else gives no process, not a guess.
    /// </summary>
    private static bool TryByShape(ReadOnlySpan<char> text, Interner pool, out IReadOnlyList<SocketProcess> processes)
    {
        processes = [];
        var cursor = new TokenCursor(text);
        var pid = 0;
        for (var i = 0; i < 4; i++)
        {
            if (!cursor.Next(out var count) || !TryPid(count, out var value))
            {
                return true;
            }

            pid = i == 2 ? value : pid;
        }

        var rest = cursor.Rest;
        if (rest.StartsWith("0x"))
        {
            processes = One(pool, pool.Pid(pid));
            return true;
        }

        TryNamed(rest, pool, out processes);
        return true;
    }

    /// <summary>Reads <c>name:pid</c> at the start of <paramref name="text"/>; the name may hold blanks and colons.</summary>
    private static bool TryNamed(ReadOnlySpan<char> text, Interner pool, out IReadOnlyList<SocketProcess> processes)
    {
        processes = [];
        for (var colon = text.IndexOf(':'); colon >= 0; colon = NextColon(text, colon))
        {
            var digits = text[(colon + 1)..];
            var end = digits.IndexOfAny(TokenCursor.Blanks);
            digits = end < 0 ? digits : digits[..end];
            if (!TryPid(digits, out var pid))
            {
                continue;
            }

            var name = TokenCursor.Trim(text[..colon]);
            processes = One(pool, name.IsEmpty ? pool.Pid(pid) : pool.Process(name, pid));
            return true;
        }

        return false;
    }

    private static int NextColon(ReadOnlySpan<char> text, int colon)
    {
        var next = text[(colon + 1)..].IndexOf(':');
        return next < 0 ? -1 : colon + 1 + next;
    }

    private static bool TryPid(ReadOnlySpan<char> token, out int pid)
    {
        pid = 0;
        return token.Length is > 0 and <= 9 && !token.ContainsAnyExceptInRange('0', '9')
            && int.TryParse(token, System.Globalization.NumberStyles.None, null, out pid);
    }

    private static IReadOnlyList<SocketProcess> One(Interner pool, SocketProcess process)
    {
        var set = pool.StartProcessSet();
        set.Add(process);
        return pool.ProcessSet(set);
    }
}

internal enum BsdProcessColumn
{
    Unknown,
    None,
    Pid,
    Named,
}
