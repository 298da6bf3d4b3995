namespace PortCompliance.Core.Ingest;

/// <summary>Walks the whitespace-separated tokens of one line without allocating.</summary>
internal ref struct TokenCursor(ReadOnlySpan<char> line)
{
    private readonly ReadOnlySpan<char> _line = line;
    private int _position;

    /// <summary>Where the next token search starts; <see cref="Rest"/> is the text from here on.</summary>
    public readonly int Position => _position;

    public readonly ReadOnlySpan<char> Rest => _line[_position..].Trim();

    public bool Next(out ReadOnlySpan<char> token)
    {
        var i = _position;
        while (i < _line.Length && char.IsWhiteSpace(_line[i]))
        {
            i++;
        }

        var start = i;
        while (i < _line.Length && !char.IsWhiteSpace(_line[i]))
        {
            i++;
        }

        _position = i;
        token = _line[start..i];
        return token.Length > 0;
    }

    public readonly ReadOnlySpan<char> PeekRestFrom(int position) => _line[position..].Trim();
}
