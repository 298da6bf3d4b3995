using System.Buffers;

namespace PortCompliance.Core.Ingest;

/// <summary>Walks the whitespace-separated tokens of one line without allocating.</summary>
internal ref struct TokenCursor(ReadOnlySpan<char> line)
{
    /// <summary>
    /// What separates columns: blanks and tabs, plus the no-break space a listing copied from a web page carries.
    /// Searched vectorized, because ss pads every row to the terminal width.
    /// </summary>
    public static readonly SearchValues<char> Blanks = SearchValues.Create(" \t\v\f\u00A0");

    private readonly ReadOnlySpan<char> _line = line;
    private int _position;

    /// <summary>Where the next token search starts; <see cref="Rest"/> is the text from here on.</summary>
    public readonly int Position => _position;

    public readonly ReadOnlySpan<char> Rest => Trim(_line[_position..]);

    public bool Next(out ReadOnlySpan<char> token)
    {
        var remaining = _line[_position..];
        var start = remaining.IndexOfAnyExcept(Blanks);
        if (start < 0)
        {
            _position = _line.Length;
            token = default;
            return false;
        }

        remaining = remaining[start..];
        var length = remaining.IndexOfAny(Blanks);
        if (length < 0)
        {
            length = remaining.Length;
        }

        token = remaining[..length];
        _position += start + length;
        return true;
    }

    public readonly ReadOnlySpan<char> PeekRestFrom(int position) => Trim(_line[position..]);

    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> text)
    {
        var start = text.IndexOfAnyExcept(Blanks);
        return start < 0 ? default : text[start..(text.LastIndexOfAnyExcept(Blanks) + 1)];
    }
}
