namespace PortCompliance.Core.Ingest;

/// <summary>
/// The lines of a record still being read (a JSON object, a <c>Format-List</c> block), kept in one reused buffer: once
/// the record ends, each line gets its fate, with its text if it must be reported unparsed.
/// </summary>
internal sealed class HeldLines
{
    private char[] _text = new char[1024];
    private int[] _numbers = new int[32];
    private int[] _ends = new int[32];
    private int _length;

    public int Count { get; private set; }

    public int First => _numbers[0];

    public int Last => _numbers[Count - 1];

    public int Number(int index) => _numbers[index];

    public ReadOnlySpan<char> Text(int index) => _text.AsSpan(index == 0 ? 0 : _ends[index - 1], _ends[index] - (index == 0 ? 0 : _ends[index - 1]));

    /// <summary>Adds the line unless it is the last one held already (a line may hold several keys).</summary>
    public void Add(int number, ReadOnlySpan<char> text)
    {
        if (Count > 0 && _numbers[Count - 1] == number)
        {
            return;
        }

        if (Count == _numbers.Length)
        {
            Array.Resize(ref _numbers, Count * 2);
            Array.Resize(ref _ends, Count * 2);
        }

        if (_length + text.Length > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _length + text.Length));
        }

        text.CopyTo(_text.AsSpan(_length));
        _length += text.Length;
        _numbers[Count] = number;
        _ends[Count] = _length;
        Count++;
    }

    public void Clear() => (Count, _length) = (0, 0);
}
