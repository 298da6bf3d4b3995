using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>
/// The <c>users:((…))</c> column of <c>ss -p</c>: modern <c>("nginx",pid=1,fd=6)</c> and old <c>("sshd",1256,3)</c>
/// entries. ss prints names unescaped, so a name may hold spaces, quotes, commas and parentheses. Read in one pass:
/// every search only moves forward, so a list of 100,000 entries, or a hostile one that never closes, costs its length.
/// </summary>
internal static class SsUsers
{
    private const string Marker = "users:(";

    public static bool TryRead(ReadOnlySpan<char> text, Interner pool, out IReadOnlyList<SocketProcess> processes, out string error)
    {
        processes = [];
        error = "";
        var at = text.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return true;
        }

        var list = new Entries(text[(at + Marker.Length)..]);
        var found = pool.StartProcessSet();
        while (true)
        {
            if (!list.Skip("(\""))
            {
                error = "unreadable users:(...) column: expected (\"name\",pid=…)";
                return false;
            }

            if (!list.TryReadEntry(out var name, out var pid))
            {
                error = "unreadable users:(...) column: no pid after a process name";
                return false;
            }

            pool.AddToProcessSet(pool.Process(name, pid));
            if (list.Skip(","))
            {
                continue;
            }

            if (list.Skip(")"))
            {
                processes = pool.ProcessSet(found);
                return true;
            }

            error = "unreadable users:(...) column: expected ',' or ')' after an entry";
            return false;
        }
    }

    /// <summary>The entries after <c>users:(</c>, read left to right; the next ')' and '("' are found once and remembered.</summary>
    private ref struct Entries(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _at;
        private int _nextClose = -1;
        private int _nextOpen = -1;

        public bool Skip(ReadOnlySpan<char> expected)
        {
            if (!_text[_at..].StartsWith(expected, StringComparison.Ordinal))
            {
                return false;
            }

            _at += expected.Length;
            return true;
        }

        /// <summary>Reads <c>name",pid=1,fd=3)</c> or <c>name",1,3)</c>, leaving the position after the ')'.</summary>
        public bool TryReadEntry(out ReadOnlySpan<char> name, out int pid)
        {
            var searchFrom = _at;
            while (true)
            {
                var quote = _text[searchFrom..].IndexOf("\",", StringComparison.Ordinal);
                if (quote < 0)
                {
                    name = default;
                    pid = 0;
                    return false;
                }

                quote += searchFrom;
                var tailStart = quote + 2;
                if (_text[tailStart..].StartsWith("pid="))
                {
                    tailStart += 4;
                }

                var tail = _text[tailStart..];
                var digits = tail.IndexOfAnyExceptInRange('0', '9');
                // The name ends at the first '",' followed by a pid and its entry's ')', with no new entry in between.
                if (digits > 0 && tail[digits] is ',' or ')')
                {
                    var close = Next(ref _nextClose, tailStart, ")");
                    if (close != int.MaxValue && close >= tailStart + digits && Next(ref _nextOpen, tailStart, "(\"") > close
                        && int.TryParse(tail[..digits], out pid))
                    {
                        name = _text[_at..quote];
                        _at = close + 1;
                        return true;
                    }
                }

                searchFrom = quote + 1;
            }
        }

        /// <summary>The first <paramref name="what"/> at or after <paramref name="from"/>; searched again only once passed.</summary>
        private readonly int Next(ref int cached, int from, ReadOnlySpan<char> what)
        {
            if (cached < from && cached != int.MaxValue)
            {
                var found = _text[from..].IndexOf(what, StringComparison.Ordinal);
                cached = found < 0 ? int.MaxValue : from + found;
            }

            return cached;
        }
    }
}
