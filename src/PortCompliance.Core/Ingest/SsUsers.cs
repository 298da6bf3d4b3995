using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>
/// The <c>users:((…))</c> column of <c>ss -p</c>: modern <c>("nginx",pid=1,fd=6)</c> and old <c>("sshd",1256,3)</c>
/// entries. ss prints names unescaped, so a name may hold spaces, quotes, commas and parentheses.
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

        var rest = text[(at + Marker.Length)..];
        var found = pool.StartProcessSet();
        while (true)
        {
            if (!rest.StartsWith("(\""))
            {
                error = "unreadable users:(...) column: expected (\"name\",pid=…)";
                return false;
            }

            rest = rest[2..];
            if (!TryReadEntry(ref rest, out var name, out var pid))
            {
                error = "unreadable users:(...) column: no pid after a process name";
                return false;
            }

            var process = pool.Process(name, pid);
            if (!found.Contains(process))
            {
                found.Add(process); // one process on several fds is still one process
            }

            if (rest.StartsWith(",("))
            {
                rest = rest[1..];
                continue;
            }

            if (rest.StartsWith(')'))
            {
                processes = pool.ProcessSet(found);
                return true;
            }

            error = "unreadable users:(...) column: expected ',' or ')' after an entry";
            return false;
        }
    }

    /// <summary>Reads <c>name",pid=1,fd=3)</c> or <c>name",1,3)</c>, leaving <paramref name="rest"/> after the ')'.</summary>
    private static bool TryReadEntry(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> name, out int pid)
    {
        var searchFrom = 0;
        while (true)
        {
            var quote = rest[searchFrom..].IndexOf("\",", StringComparison.Ordinal);
            if (quote < 0)
            {
                name = default;
                pid = 0;
                return false;
            }

            quote += searchFrom;
            var tail = rest[(quote + 2)..];
            if (tail.StartsWith("pid="))
            {
                tail = tail[4..];
            }

            var digits = tail.IndexOfAnyExceptInRange('0', '9');
            var close = tail.IndexOf(')');
            if (digits > 0 && close >= digits && tail[digits] is ',' or ')'
                && int.TryParse(tail[..digits], out pid) && !tail[..close].Contains("(\"", StringComparison.Ordinal))
            {
                name = rest[..quote];
                rest = tail[(close + 1)..];
                return true;
            }

            searchFrom = quote + 1;
        }
    }
}
