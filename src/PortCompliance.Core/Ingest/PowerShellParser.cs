using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>
/// PowerShell <c>Get-NetTCPConnection</c> and <c>Get-NetUDPEndpoint</c> (with or without <c>-State Listen</c>, through
/// <c>Select-Object</c>): the default table and <c>Format-Table -AutoSize</c> (columns found from the header and its
/// <c>----</c> underline), <c>Format-List</c>, <c>Export-Csv</c>/<c>ConvertTo-Csv</c> (with or without <c>#TYPE</c>) and
/// <c>ConvertTo-Json</c> (one object or an array, indented or compressed). <c>Listen</c> (or <c>2</c>) is a listener,
/// <c>Bound</c> and connections are skipped, an object without a state is a UDP endpoint; <c>OwningProcess</c> is the pid,
/// a Process/ProcessName/Name column its name; a cell cut with <c>…</c> is kept as shown and marked truncated.
/// </summary>
internal sealed partial class PowerShellParser(SnapshotBuilder output) : IListingParser, IListingFormat
{
    public static string Key => "powershell";

    public static string Description => "PowerShell Get-NetTCPConnection / Get-NetUDPEndpoint (table, list, CSV, JSON)";

    public static HostOs Os => HostOs.Windows;

    private const int MaxColumns = 64;

    private readonly PowerShellObject _object = new();
    private readonly HeldLines _held = new();

    /// <summary>The command line seen above the output: Get-NetTCPConnection (true) or Get-NetUDPEndpoint (false).</summary>
    private bool? _tcpHint;

    private int _lastNumber;

    // Table: the header's words and where they stand, then the columns the underline gives them.
    private readonly int[] _headerStarts = new int[MaxColumns];
    private readonly int[] _headerEnds = new int[MaxColumns];
    private readonly PowerShellField[] _headerFields = new PowerShellField[MaxColumns];
    private int _headerCount;
    private int _headerLine;
    private readonly int[] _columnStarts = new int[MaxColumns];
    private readonly PowerShellField[] _columnFields = new PowerShellField[MaxColumns];
    private int _columnCount;

    // CSV: the field each column holds.
    private readonly PowerShellField[] _csvFields = new PowerShellField[MaxColumns];
    private int _csvCount;

    // Format-List: the block being read.
    private bool _listOpen;

    /// <summary>Where the values of the open Format-List block start (after <c>Key : </c>): a wrapped value goes on there.</summary>
    private int _listValueColumn;
    private int _listSeen;

    public static IListingParser Create(SnapshotBuilder output) => new PowerShellParser(output);

    public static Signature Sniff(ReadOnlySpan<char> line)
    {
        var trimmed = TokenCursor.Trim(line).TrimStart('\uFEFF');
        if (trimmed.StartsWith("#TYPE ", StringComparison.Ordinal)
            && (trimmed.Contains("MSFT_NetTCPConnection", StringComparison.Ordinal) || trimmed.Contains("MSFT_NetUDPEndpoint", StringComparison.Ordinal)))
        {
            return Signature.Header;
        }

        if (IsTableHeader(trimmed) || IsCsvHeader(trimmed) || IsListLine(trimmed, out var key, out _) && key is "LocalAddress" or "LocalPort"
            || trimmed.Contains("\"LocalAddress\"", StringComparison.Ordinal) && trimmed.Contains(':'))
        {
            return Signature.Header;
        }

        return Signature.None;
    }

    public void Accept(int number, ReadOnlySpan<char> line)
    {
        var gap = number > _lastNumber + 1;
        _lastNumber = number;
        if (_depth > 0)
        {
            Json(number, line);
            return;
        }

        var trimmed = TokenCursor.Trim(line).TrimStart('\uFEFF');
        if (IsListLine(trimmed, out var key, out var value))
        {
            List(number, line, gap, key, value);
            return;
        }

        if (_listOpen)
        {
            if (!gap && !trimmed.IsEmpty && line.Length > _listValueColumn && !line[.._listValueColumn].ContainsAnyExcept(TokenCursor.Blanks)
                && !TokenCursor.Blanks.Contains(line[_listValueColumn]))
            {
                _held.Add(number, line); // a value wrapped onto the next line, indented to the value's column
                return;
            }

            CloseList();
        }

        if (trimmed.Length > 0 && trimmed[0] is '{' or '[')
        {
            Json(number, line);
            return;
        }

        if (trimmed.StartsWith("#TYPE ", StringComparison.Ordinal))
        {
            (_csvCount, _columnCount, _headerCount) = (0, 0, 0);
            output.AddHeader(number);
            return;
        }

        if (IsCommand(trimmed, number, line))
        {
            return;
        }

        if (ReadCsvHeader(trimmed))
        {
            (_columnCount, _headerCount) = (0, 0);
            output.AddHeader(number);
            return;
        }

        if (_csvCount > 0 && trimmed.Contains(','))
        {
            CsvRow(number, line, trimmed);
            return;
        }

        if (IsTableHeader(trimmed))
        {
            ReadTableHeader(number, line);
            output.AddHeader(number);
            return;
        }

        if (_headerCount > 0 && number == _headerLine + 1 && IsUnderline(trimmed))
        {
            ReadUnderline(line);
            output.AddHeader(number);
            return;
        }

        if (_columnCount > 0)
        {
            TableRow(number, line);
            return;
        }

        output.AddUnparsed(number, line, "not a Get-NetTCPConnection or Get-NetUDPEndpoint row");
    }

    public void End()
    {
        CloseList();
        if (_recordOpen)
        {
            _object.Fail($"the JSON object from line {_held.First} never closes: the listing was cut short");
            FinishHeld(_lastNumber + 1);
            _recordOpen = false;
        }
    }

    /// <summary>A command line pasted above its output: unparsed, but it tells TCP from UDP for a table without State.</summary>
    private bool IsCommand(ReadOnlySpan<char> trimmed, int number, ReadOnlySpan<char> line)
    {
        var at = trimmed.Contains('-') ? trimmed.IndexOf("Get-Net", StringComparison.OrdinalIgnoreCase) : -1; // rows have no '-'
        if (at < 0)
        {
            return false;
        }

        var tcp = trimmed[at..].Contains("Get-NetTCPConnection", StringComparison.OrdinalIgnoreCase);
        var udp = trimmed[at..].Contains("Get-NetUDPEndpoint", StringComparison.OrdinalIgnoreCase);
        if (!tcp && !udp)
        {
            return false;
        }

        _tcpHint = tcp && udp ? null : tcp;
        output.AddUnparsed(number, line, "a command line, not its output");
        return true;
    }

    private bool HasStateColumn()
    {
        var (fields, count) = _columnCount > 0 ? (_columnFields, _columnCount) : (_csvFields, _csvCount);
        return Array.IndexOf(fields, PowerShellField.State, 0, count) >= 0;
    }

    /// <summary>One row, one object: a socket, a skipped connection, or unparsed.</summary>
    private void Decide(int number, ReadOnlySpan<char> line)
    {
        if (_object.TryBuild(_tcpHint, HasStateColumn(), output.Interner, out var proto, out var endpoint, out var processes, out var skip, out var error))
        {
            output.AddSocket(number, line, proto, endpoint, processes, truncated: _object.Truncated);
        }
        else if (skip is not null)
        {
            output.AddSkipped(number, skip);
        }
        else
        {
            output.AddUnparsed(number, line, error!);
        }
    }

    /// <summary>
    /// The held lines of an object that ended: a socket over them, or each skipped or unparsed. A line from
    /// <paramref name="current"/> on gets its fate when that line is done (a compressed array holds several objects).
    /// </summary>
    private void FinishHeld(int current)
    {
        var built = _object.TryBuild(_tcpHint, false, output.Interner, out var proto, out var endpoint, out var processes, out var skip, out var error);
        var first = -1;
        for (var i = 0; i < _held.Count; i++)
        {
            if (_held.Number(i) > _claimedThrough)
            {
                first = i;
                break;
            }
        }

        if (built)
        {
            var line = first < 0 ? _held.Last : _held.Number(first);
            output.AddSocket(line, _object.Evidence, proto, endpoint, processes, truncated: _object.Truncated, lastLine: _held.Last);
            if (_held.Last >= current)
            {
                _lineFate = LineFate.Socket;
            }

            return;
        }

        var skipped = false;
        for (var i = Math.Max(first, 0); first >= 0 && i < _held.Count; i++)
        {
            var number = _held.Number(i);
            if (number >= current)
            {
                // The line being read gets its fate when it is done: the closing line of an object skipped above is
                // a continuation of it, not a second skip.
                if (_lineFate == LineFate.None)
                {
                    (_lineFate, _lineReason) = skip is not null ? (skipped ? LineFate.Continuation : LineFate.Skipped, skip)
                        : (LineFate.Unparsed, i == first ? error! : $"part of the object at line {_held.Number(first)}: {error}");
                }

                continue;
            }

            if (skip is null)
            {
                output.AddUnparsed(number, _held.Text(i), i == first ? error! : $"part of the object at line {_held.Number(first)}: {error}");
            }
            else if (!skipped)
            {
                output.AddSkipped(number, skip);
                skipped = true;
            }
            else
            {
                output.AddContinuation(number);
            }
        }
    }
}
