using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>
/// Collects what a parser makes of each line. Every non-blank line lands in exactly one place:
/// a header, a socket (or its continuation), a skipped row, or an unparsed line.
/// </summary>
internal sealed class SnapshotBuilder
{
    private readonly ChunkedList<ListeningSocket> _sockets = new();
    private readonly List<SkippedLine> _skipped = [];
    private readonly List<UnparsedLine> _unparsed = [];
    private readonly List<int> _headers = [];
    private readonly List<int> _folded = [];

    public Interner Interner { get; } = new();

    /// <summary>The host named by a <c># host: NAME</c> first line, if any.</summary>
    public string? DeclaredHost { get; set; }

    /// <summary>
    /// The OS the format implies (set when the parser is chosen); a parser refines it from tell-tales it meets
    /// (<c>tcp46</c> is macOS). A <c># os:</c> line outranks it.
    /// </summary>
    public HostOs Os { get; set; }

    /// <summary>The OS named by a <c># os: NAME</c> line at the top, if any.</summary>
    public HostOs? DeclaredOs { get; set; }

    /// <summary>The capture time named by a <c># captured: TIME</c> line at the top, if any.</summary>
    public DateTimeOffset? DeclaredCapture { get; set; }

    /// <summary>Sockets read so far: a parser that folds rows into one socket remembers their indexes.</summary>
    public int SocketCount => _sockets.Count;

    /// <summary>What the last row was, so detail lines (<c>ss -i</c>, <c>-m</c>) know whom they belong to.</summary>
    public RowKind LastRow { get; private set; }

    private int _lastRowLine;

    private bool _sawHeader;

    public void AddHeader(int line)
    {
        _headers.Add(line);
        _sawHeader = true;
        LastRow = RowKind.None;
    }

    /// <summary>
    /// A line about the listing rather than of it — our <c># host:</c>/<c># os:</c>, lsof's warnings, netstat's not-root
    /// note: accounted for like a header, but it proves no listing was collected (alone, the input is empty).
    /// </summary>
    public void AddNote(int line)
    {
        _headers.Add(line);
        LastRow = RowKind.None;
    }

    /// <param name="truncated">The tool cut the address short; it is kept as shown.</param>
    /// <param name="lastLine">The socket's last line when its record spans several (a JSON object); else its row.</param>
    public void AddSocket(
        int number, ReadOnlySpan<char> line, Protocol proto, Endpoint endpoint, IReadOnlyList<SocketProcess> processes,
        bool truncated = false, int lastLine = 0)
    {
        _sockets.Add(new ListeningSocket
        {
            Proto = proto,
            Family = endpoint.Family,
            Address = endpoint.Address,
            Port = endpoint.Port,
            Truncated = truncated,
            PortName = endpoint.PortName,
            Interface = endpoint.Interface,
            Scope = endpoint.Scope,
            Processes = processes,
            Line = number,
            LastLine = Math.Max(number, lastLine),
            Text = line.TrimEnd().ToString(), // ss pads rows to the terminal width
        });
        LastRow = RowKind.Socket;
        _lastRowLine = number;
    }

    /// <summary>
    /// A row that shows a socket read earlier again, held by another process (lsof's one row per process, sockstat's
    /// prefork workers): the line is part of that socket, and the process joins its list unless already there.
    /// </summary>
    public void Fold(int socketIndex, int line, SocketProcess? process)
    {
        var socket = _sockets[socketIndex];
        if (process is not null && !socket.Processes.Contains(process))
        {
            _sockets[socketIndex] = socket with { Processes = [.. socket.Processes, process] };
        }

        _folded.Add(line);
        LastRow = RowKind.None; // a detail line under a folded row would belong to no one

    }

    /// <summary>
    /// A row of a process listing (<c>tasklist /fo csv</c>): no socket, but the name of a pid, for the sockets another
    /// listing of the host shows by pid alone. Accounted for like a header.
    /// </summary>
    public void AddProcessName(int line, int pid, string name)
    {
        (_processNames ??= [])[pid] = name;
        _headers.Add(line);
        LastRow = RowKind.None;
    }

    private Dictionary<int, string>? _processNames;

    /// <summary>This listing names processes, not sockets (<c>tasklist</c>): alone it never makes a host look clean.</summary>
    public void ExpectProcessNames() => _processNames ??= [];

    /// <summary>
    /// A note in which the tool says it ran without root (netstat's <c>(Not all processes could be identified …</c>):
    /// a header line that also tells the audit why owners are missing. The first such note is kept.
    /// </summary>
    public void AddWithoutRootNote(int line, ReadOnlySpan<char> text)
    {
        AddNote(line);
        if (_withoutRootLine == 0)
        {
            (_withoutRootLine, _withoutRootNote) = (line, Excerpt.Of(text));
        }
    }

    private int _withoutRootLine;

    private string? _withoutRootNote;

    public void AddSkipped(int line, string reason)
    {
        _skipped.Add(new SkippedLine(line, reason));
        LastRow = RowKind.Skipped;
        _lastRowLine = line;
    }

    public void AddUnparsed(int line, ReadOnlySpan<char> text, string reason)
    {
        // A line is one thing: when a line that gave sockets (a compressed JSON array) turns out unreadable further on,
        // it is unparsed whole — its text still shows every address in it — and the sockets it gave are withdrawn.
        while (_sockets.Count > 0 && _sockets[^1].LastLine >= line)
        {
            if (_sockets[^1].Line < line)
            {
                _sockets[^1] = _sockets[^1] with { LastLine = line - 1 };
                break;
            }

            _sockets.RemoveLast();
        }

        _unparsed.Add(new UnparsedLine(line, Excerpt.Of(text), Excerpt.OfReason(reason)));
        LastRow = RowKind.None;
    }

    /// <summary>A detail line under the last row: it extends a socket, or is skipped with its row.</summary>
    public void AddContinuation(int line)
    {
        switch (LastRow)
        {
            case RowKind.Socket:
                _sockets[^1] = _sockets[^1] with { LastLine = line };
                break;
            case RowKind.Skipped:
                _skipped.Add(new SkippedLine(line, $"details of line {_lastRowLine}"));
                break;
            default:
                throw new InvalidOperationException("a continuation line needs a row above it");
        }
    }

    public HostSnapshot Build(string host, string format, string source, string sha256, int lineCount) => new()
    {
        Host = host,
        Format = format,
        Os = DeclaredOs ?? Os,
        Source = source,
        Sha256 = sha256,
        Sockets = _sockets.ToArray(),
        Skipped = _skipped,
        Unparsed = _unparsed,
        HeaderLines = _headers,
        FoldedLines = _folded,
        CollectedWithoutRoot = _withoutRootLine > 0,
        WithoutRootLine = _withoutRootLine,
        WithoutRootNote = _withoutRootNote,
        LineCount = lineCount,
        CapturedAt = DeclaredCapture,
        ProcessNames = _processNames,
        // No header and no row of any kind: the collection produced nothing, which proves nothing. A process listing
        // alone holds no socket either: it names pids, it does not show what listens.
        EmptyInputs = _sockets.Count == 0 && _skipped.Count == 0 && _unparsed.Count == 0 && (!_sawHeader || _processNames is not null)
            ? [source]
            : [],
    };
}

internal enum RowKind
{
    None,
    Socket,
    Skipped,
}
