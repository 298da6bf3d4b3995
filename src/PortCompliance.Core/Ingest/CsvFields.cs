namespace PortCompliance.Core.Ingest;

/// <summary>
/// Walks the comma-separated fields of one CSV line (<c>tasklist /fo csv</c>, <c>Export-Csv</c>) without allocating: a
/// quoted field is given without its quotes (a doubled <c>""</c> inside stays doubled), an unquoted one as it stands.
/// </summary>
internal ref struct CsvFields(ReadOnlySpan<char> line)
{
    private readonly ReadOnlySpan<char> _line = line;
    private int _position;
    private bool _done;

    /// <summary>False past the last field, or when a quoted field never closes (<paramref name="broken"/>).</summary>
    public bool Next(out ReadOnlySpan<char> field, out bool broken)
    {
        field = default;
        broken = false;
        if (_done)
        {
            return false;
        }

        var rest = _line[_position..];
        if (rest.Length > 0 && rest[0] == '"')
        {
            var end = 1;
            while (true)
            {
                var quote = rest[end..].IndexOf('"');
                if (quote < 0)
                {
                    broken = _done = true;
                    return false;
                }

                end += quote;
                if (end + 1 < rest.Length && rest[end + 1] == '"')
                {
                    end += 2; // "" inside a quoted field
                    continue;
                }

                break;
            }

            field = rest[1..end];
            var after = rest[(end + 1)..];
            if (after.IsEmpty)
            {
                _done = true;
                return true;
            }

            if (after[0] != ',')
            {
                broken = _done = true;
                return false;
            }

            _position += end + 2;
            return true;
        }

        var comma = rest.IndexOf(',');
        if (comma < 0)
        {
            field = rest;
            _done = true;
            return true;
        }

        field = rest[..comma];
        _position += comma + 1;
        return true;
    }
}
