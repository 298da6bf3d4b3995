using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>
/// One sockstat row split around its PROTO column: USER is the first token, COMMAND may hold blanks
/// (<c>spc in nam</c>), and when USER and COMMAND overflow their columns old sockstat glues the pid to the command
/// (<c>camlistore10941</c>).
/// </summary>
internal readonly ref struct SockstatRow
{
    private readonly ReadOnlySpan<char> _command;
    private readonly ReadOnlySpan<char> _pid;
    private readonly bool _glued;

    private SockstatRow(ReadOnlySpan<char> command, ReadOnlySpan<char> pid, bool glued, ReadOnlySpan<char> proto, ReadOnlySpan<char> after)
    {
        _command = command;
        _pid = pid;
        _glued = glued;
        Proto = proto;
        After = after;
    }

    public ReadOnlySpan<char> Proto { get; }

    /// <summary>What follows the protocol: the local and foreign addresses, then any state or path columns.</summary>
    public ReadOnlySpan<char> After { get; }

    /// <param name="jail">The header has a JAIL column between FD and PROTO.</param>
    public static bool TryFind(ReadOnlySpan<char> line, bool jail, out SockstatRow row)
    {
        row = default;
        var cursor = new TokenCursor(line);
        if (!cursor.Next(out _))
        {
            return false;
        }

        var userEnd = cursor.Position;
        var offset = jail ? 1 : 0;
        Span<int> starts = stackalloc int[4];
        Span<int> ends = stackalloc int[4];
        for (var index = 1; index < 24 && cursor.Next(out var token); index++)
        {
            var start = cursor.Position - token.Length;
            if (index >= 3 + offset && SockstatParser.IsProto(token) && IsFd(line[starts[offset]..ends[offset]]))
            {
                var pid = line[starts[1 + offset]..ends[1 + offset]];
                var after = line[cursor.Position..];
                if (index >= 4 + offset && IsPid(pid))
                {
                    row = new SockstatRow(TokenCursor.Trim(line[userEnd..starts[1 + offset]]), pid, false, token, after);
                    return true;
                }

                // USER and COMMAND overflowed: "really-long-user spc in nam63210 3 tcp4".
                row = new SockstatRow(TokenCursor.Trim(line[userEnd..starts[offset]]), default, true, token, after);
                return true;
            }

            starts[..3].CopyTo(starts[1..]);
            ends[..3].CopyTo(ends[1..]);
            (starts[0], ends[0]) = (start, cursor.Position);
        }

        return false;
    }

    /// <summary>The row's process; null for <c>? ? ? ?</c>, a socket no process holds any more.</summary>
    public bool TryProcess(Interner pool, out SocketProcess? process, out string error)
    {
        process = null;
        error = "";
        var command = _command;
        var pid = _pid;
        if (_glued)
        {
            // %.10s: a command this long ends at 10; a digit there could be the pid's first, so the split is unsure.
            if (command.Length <= CommandWidth || char.IsAsciiDigit(command[CommandWidth - 1]) || !IsNumber(command[CommandWidth..]))
            {
                error = $"COMMAND and PID run together in '{Excerpt.Of(command)}' and cannot be told apart";
                return false;
            }

            pid = command[CommandWidth..];
            command = command[..CommandWidth];
        }

        if (pid is "?")
        {
            return true;
        }

        if (!int.TryParse(pid, System.Globalization.NumberStyles.None, null, out var number))
        {
            error = $"PID '{Excerpt.Of(pid)}' is not a number";
            return false;
        }

        process = command.IsEmpty || command is "?" ? pool.Pid(number) : pool.Process(command, number);
        return true;
    }

    /// <summary>sockstat prints a command with <c>%.10s</c>: this long, and a pid glued to it starts right after.</summary>
    private const int CommandWidth = 10;

    private static bool IsFd(ReadOnlySpan<char> token) => token is "?" || IsNumber(token);

    private static bool IsPid(ReadOnlySpan<char> token) => token is "?" || IsNumber(token);

    private static bool IsNumber(ReadOnlySpan<char> token) =>
        token.Length is > 0 and <= 9 && !token.ContainsAnyExceptInRange('0', '9');
}
