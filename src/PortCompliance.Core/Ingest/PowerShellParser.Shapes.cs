namespace PortCompliance.Core.Ingest;

/// <summary>The four shapes PowerShell writes objects in: table, CSV, list, JSON.</summary>
internal sealed partial class PowerShellParser
{
    // JSON: depth outside strings, the depth objects of interest sit at, and where the scanner stands in one of them.
    private int _depth;
    private int _recordDepth;
    private bool _recordOpen;
    private bool _expectKey;
    private bool _afterColon;
    private PowerShellField _key;
    private int _keyStart;

    /// <summary>The line the key was read on: a value on a later line is its own evidence (<c>"Key":</c> then the value below).</summary>
    private int _keyLine;

    /// <summary>A key was read: the next token must be its ':' (CSV text inside an object is no JSON).</summary>
    private bool _needColon;

    /// <summary>Which open containers are objects (bit d for depth d), and whether the innermost object wants a key next.</summary>
    private ulong _objects;

    private bool _keyDue;

    private bool InObject => _depth is > 0 and < 64 && (_objects >> _depth & 1) == 1;
    private int _claimedThrough;
    private LineFate _lineFate;
    private string _lineReason = "";

    private enum LineFate
    {
        None,
        Socket,
        Skipped,
        Continuation,
        Unparsed,
    }

    private static bool IsIdentifier(ReadOnlySpan<char> token)
    {
        if (token.IsEmpty || !char.IsAsciiLetter(token[0]))
        {
            return false;
        }

        foreach (var c in token)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Column names only, LocalPort among them with LocalAddress or OwningProcess: a table's header.</summary>
    private static bool IsTableHeader(ReadOnlySpan<char> trimmed)
    {
        var cursor = new TokenCursor(trimmed);
        var (port, other, count) = (false, false, 0);
        while (cursor.Next(out var token))
        {
            if (!IsIdentifier(token))
            {
                return false;
            }

            count++;
            var field = PowerShellObject.FieldOf(token);
            port |= field == PowerShellField.LocalPort;
            other |= field is PowerShellField.LocalAddress or PowerShellField.OwningProcess;
        }

        return count >= 2 && port && other;
    }

    private static bool IsUnderline(ReadOnlySpan<char> trimmed) => trimmed.Length > 0 && !trimmed.ContainsAnyExcept(" -\t");

    private void ReadTableHeader(int number, ReadOnlySpan<char> line)
    {
        var cursor = new TokenCursor(line);
        _headerCount = 0;
        _columnCount = 0;
        _csvCount = 0;
        while (cursor.Next(out var token) && _headerCount < MaxColumns)
        {
            _headerEnds[_headerCount] = cursor.Position;
            _headerStarts[_headerCount] = cursor.Position - token.Length;
            _headerFields[_headerCount] = PowerShellObject.FieldOf(token);
            _headerCount++;
        }

        _headerLine = number;
    }

    /// <summary>Each run of dashes is a column; the header word over it names it (left- or right-aligned).</summary>
    private void ReadUnderline(ReadOnlySpan<char> line)
    {
        var cursor = new TokenCursor(line);
        _columnCount = 0;
        while (cursor.Next(out var run) && _columnCount < MaxColumns)
        {
            var (start, end) = (cursor.Position - run.Length, cursor.Position);
            var field = PowerShellField.None;
            for (var h = 0; h < _headerCount; h++)
            {
                if (_headerStarts[h] < end && _headerEnds[h] > start)
                {
                    field = _headerFields[h];
                    break;
                }
            }

            _columnStarts[_columnCount] = start;
            _columnFields[_columnCount] = field;
            _columnCount++;
        }
    }

    private void TableRow(int number, ReadOnlySpan<char> line)
    {
        _object.Clear(evidence: false); // the row is its own evidence
        var cursor = new TokenCursor(line);
        var seen = 0;
        var column = 0;
        while (cursor.Next(out var token))
        {
            // A cell reaching into a later column's dashes is that column's: left-aligned cells start under their dashes,
            // right-aligned ones (numbers and enums in Format-Table -AutoSize) end under them, wider than their header.
            while (column + 1 < _columnCount && _columnStarts[column + 1] < cursor.Position)
            {
                column++;
            }

            var field = _columnFields[column];
            if (field != PowerShellField.None && (seen & (1 << (int)field)) == 0)
            {
                seen |= 1 << (int)field;
                _object.Set(field, token, token, output.Interner);
            }
        }

        Decide(number, line);
    }

    private bool ReadCsvHeader(ReadOnlySpan<char> trimmed)
    {
        if (!IsCsvHeader(trimmed))
        {
            return false;
        }

        var fields = new CsvFields(trimmed);
        _csvCount = 0;
        while (fields.Next(out var name, out _) && _csvCount < MaxColumns)
        {
            _csvFields[_csvCount++] = PowerShellObject.FieldOf(name);
        }

        return true;
    }

    private static bool IsCsvHeader(ReadOnlySpan<char> trimmed)
    {
        if (!trimmed.Contains(','))
        {
            return false;
        }

        var fields = new CsvFields(trimmed);
        var (port, count) = (false, 0);
        while (fields.Next(out var name, out _))
        {
            if (!IsIdentifier(name))
            {
                return false;
            }

            count++;
            port |= PowerShellObject.FieldOf(name) == PowerShellField.LocalPort;
        }

        return count >= 2 && port;
    }

    private void CsvRow(int number, ReadOnlySpan<char> line, ReadOnlySpan<char> trimmed)
    {
        _object.Clear(evidence: false); // the row is its own evidence
        var fields = new CsvFields(trimmed);
        var index = 0;
        bool broken;
        while (fields.Next(out var value, out broken))
        {
            if (index < _csvCount)
            {
                _object.Set(_csvFields[index], value, value, output.Interner);
            }

            index++;
        }

        if (broken)
        {
            output.AddUnparsed(number, line, "a quoted CSV field that never closes");
            return;
        }

        Decide(number, line);
    }

    /// <summary><c>Key   : value</c>, the key padded with blanks before the colon, as Format-List writes it.</summary>
    private static bool IsListLine(ReadOnlySpan<char> trimmed, out ReadOnlySpan<char> key, out ReadOnlySpan<char> value)
    {
        key = default;
        value = default;
        var colon = trimmed.IndexOf(':');
        if (colon < 2 || !TokenCursor.Blanks.Contains(trimmed[colon - 1]))
        {
            return false;
        }

        key = TokenCursor.Trim(trimmed[..colon]);
        if (!IsIdentifier(key))
        {
            return false;
        }

        var rest = trimmed[(colon + 1)..];
        if (rest.Length > 0 && !TokenCursor.Blanks.Contains(rest[0]))
        {
            return false;
        }

        value = TokenCursor.Trim(rest);
        return true;
    }

    private void List(int number, ReadOnlySpan<char> line, bool gap, ReadOnlySpan<char> key, ReadOnlySpan<char> value)
    {
        var field = PowerShellObject.FieldOf(key);
        var bit = field == PowerShellField.None ? 0 : 1 << (int)field;
        if (_listOpen && (gap || (_listSeen & bit) != 0))
        {
            CloseList();
        }

        if (!_listOpen)
        {
            (_listOpen, _listSeen) = (true, 0);
            _object.Clear();
            _held.Clear();
        }

        _listSeen |= bit;
        _listValueColumn = line.IndexOf(':') + 2;
        _held.Add(number, line);
        _object.Set(field, value, line, output.Interner);
    }

    private void CloseList()
    {
        if (!_listOpen)
        {
            return;
        }

        _listOpen = false;
        _claimedThrough = Math.Min(_claimedThrough, _held.First - 1);
        FinishHeld(_lastNumber + 1);
        _claimedThrough = _held.Last;
    }

    /// <summary>Scans one line of JSON, carrying depth and position in the current object over to the next line.</summary>
    private void Json(int number, ReadOnlySpan<char> line)
    {
        _lineFate = LineFate.None;
        var touched = _recordOpen;
        var other = false;
        if (_recordOpen)
        {
            _held.Add(number, line);
        }

        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (_needColon && c is not (' ' or '\t' or '\uFEFF' or ':'))
            {
                _needColon = false;
                Broken(number, line, "a JSON key without ':' and a value after it");
                return;
            }

            switch (c)
            {
                case ' ' or '\t' or '\uFEFF':
                    i++;
                    break;
                case '"':
                {
                    var end = StringEnd(line, i + 1);
                    if (end < 0)
                    {
                        Broken(number, line, "a JSON string that does not close on its line");
                        return;
                    }

                    var text = line[(i + 1)..end];
                    if (InObject && _keyDue)
                    {
                        (_keyDue, _needColon) = (false, true); // a key, at any depth: its ':' must follow
                    }

                    if (_recordOpen && _depth == _recordDepth)
                    {
                        if (_expectKey)
                        {
                            (_key, _keyStart, _keyLine, _expectKey, _needColon) = (PowerShellObject.FieldOf(text), i, number, false, true);
                        }
                        else if (_afterColon)
                        {
                            _object.Set(_key, text, line[(_keyLine == number ? _keyStart : i)..(end + 1)], output.Interner);
                            _afterColon = false;
                        }
                    }
                    else if (!_recordOpen)
                    {
                        other = true;
                    }

                    i = end + 1;
                    break;
                }

                case ':':
                    _needColon = false;
                    _afterColon = _recordOpen && _depth == _recordDepth;
                    i++;
                    break;
                case ',':
                    _keyDue = InObject;
                    if (_recordOpen && _depth == _recordDepth)
                    {
                        (_expectKey, _afterColon) = (true, false);
                    }

                    i++;
                    break;
                case '{' or '[':
                    if (InObject && _keyDue || _depth >= 63)
                    {
                        Broken(number, line, _depth >= 63 ? "JSON nested deeper than 63 levels" : $"a '{c}' where an object's next key belongs");
                        return;
                    }

                    if (_depth == 0)
                    {
                        _recordDepth = c == '{' ? 1 : 2;
                    }

                    _depth++;
                    _objects = c == '{' ? _objects | 1UL << _depth : _objects & ~(1UL << _depth);
                    _keyDue = c == '{';
                    if (c == '{' && _depth == _recordDepth && !_recordOpen)
                    {
                        (_recordOpen, _expectKey, _afterColon, touched) = (true, true, false, true);
                        _object.Clear(json: true);
                        _held.Clear();
                        _held.Add(number, line);
                    }
                    else if (_recordOpen && _depth == _recordDepth + 1)
                    {
                        _afterColon = false; // a nested object or array: CimClass, CimInstanceProperties …
                    }

                    i++;
                    break;
                case '}' or ']':
                    if (_depth == 0 || InObject != (c == '}'))
                    {
                        Broken(number, line, _depth == 0 ? $"a '{c}' that closes nothing" : $"a '{c}' that closes the wrong kind of bracket");
                        return;
                    }

                    _keyDue = false;

                    if (c == '}' && _recordOpen && _depth == _recordDepth)
                    {
                        _recordOpen = false;
                        FinishHeld(number);
                    }

                    _depth--;
                    i++;
                    break;
                default:
                {
                    var end = line[i..].IndexOfAny(",}] \t");
                    end = end < 0 ? line.Length : i + end;
                    if (!IsJsonLiteral(line[i..end]) || InObject && _keyDue)
                    {
                        // A bare word in JSON is no JSON: a row of another listing pasted in, a cut line.
                        Broken(number, line, $"'{Excerpt.Of(line[i..end])}' is no JSON value");
                        return;
                    }

                    if (_recordOpen && _depth == _recordDepth && _afterColon)
                    {
                        _object.Set(_key, line[i..end], line[(_keyLine == number ? _keyStart : i)..end], output.Interner);
                        _afterColon = false;
                    }
                    else if (!_recordOpen)
                    {
                        other = true;
                    }

                    i = end;
                    break;
                }
            }
        }

        EndJsonLine(number, line, touched, other);
    }

    private void EndJsonLine(int number, ReadOnlySpan<char> line, bool touched, bool other)
    {
        switch (_lineFate)
        {
            case LineFate.Socket:
                break;
            case LineFate.Skipped:
                output.AddSkipped(number, _lineReason);
                break;
            case LineFate.Continuation:
                output.AddContinuation(number);
                break;
            case LineFate.Unparsed:
                output.AddUnparsed(number, line, _lineReason);
                break;
            default:
                if (_recordOpen && touched)
                {
                    return; // the object goes on: this line's fate is the object's
                }

                if (other)
                {
                    output.AddUnparsed(number, line, "JSON outside a Get-NetTCPConnection or Get-NetUDPEndpoint object");
                }
                else
                {
                    output.AddHeader(number); // [ or ] around the objects
                }

                break;
        }

        _claimedThrough = number;
    }

    /// <summary>JSON that cannot be followed: this line and the object it is in are unparsed, and scanning starts over.</summary>
    private void Broken(int number, ReadOnlySpan<char> line, string reason)
    {
        if (_recordOpen)
        {
            _recordOpen = false;
            _object.Fail(reason);
            _lineFate = LineFate.None;
            FinishHeld(number);
        }

        (_depth, _needColon, _objects, _keyDue) = (0, false, 0, false);
        if (_lineFate == LineFate.None)
        {
            output.AddUnparsed(number, line, reason);
        }
        else
        {
            EndJsonLine(number, line, true, false);
            return;
        }

        _claimedThrough = number;
    }

    /// <summary>A JSON number, <c>true</c>, <c>false</c> or <c>null</c>: what may stand outside quotes.</summary>
    private static bool IsJsonLiteral(ReadOnlySpan<char> token) =>
        token is "true" or "false" or "null"
        || token.Length > 0 && (char.IsAsciiDigit(token[0]) || token[0] == '-') // 0.0.0.0 is no number
           && double.TryParse(token, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static int StringEnd(ReadOnlySpan<char> line, int from)
    {
        for (var i = from; i < line.Length; i++)
        {
            if (line[i] == '\\')
            {
                i++;
            }
            else if (line[i] == '"')
            {
                return i;
            }
        }

        return -1;
    }
}
