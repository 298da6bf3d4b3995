namespace PortCompliance.Core.Ingest;

/// <summary>
/// Hands out the lines of a reader as spans over one reusable buffer, split like
/// <see cref="TextReader.ReadLine"/> (\n, \r\n or \r), so lines nobody keeps cost no allocation.
/// A span is valid until the next call. A line longer than <see cref="MaxLineLength"/> characters is not kept: its first
/// characters come back with <see cref="TooLong"/> set and its length counted, so memory stays bounded by the cap
/// whatever the input (a file of zeros without a newline).
/// </summary>
internal sealed class LineSplitter(TextReader reader, int bufferSize = 1 << 12, int maxLineLength = LineSplitter.MaxLineLength)
{
    /// <summary>
    /// 1 Mi characters. The longest real row is an <c>ss -p</c> row of a pre-fork server whose workers share one
    /// socket: about 40 characters per worker, so this holds some 25,000 of them, far past any host we have seen,
    /// while a line costs at most 2 MB to hold and, parsed in linear time, a few milliseconds to read.
    /// </summary>
    public const int MaxLineLength = 1 << 20;

    /// <summary>How much of an over-long line is kept to show: what an unparsed line shows of its text, and one more so it reads as cut.</summary>
    public const int KeptOfTooLong = Excerpt.MaxLength + 1;

    // Room for a line at the cap plus its \r\n, so the cap is decided with the whole break in view.
    private readonly int _capacity = maxLineLength + 2;
    private readonly char[] _head = new char[Math.Min(KeptOfTooLong, maxLineLength + 1)];
    private char[] _buffer = new char[Math.Min(bufferSize, maxLineLength + 2)];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _dropLineFeed;

    /// <summary>Set when the last line was over the cap: the line handed out is only its first characters.</summary>
    public bool TooLong { get; private set; }

    /// <summary>The full length of the last line, in characters, without its line break.</summary>
    public long Length { get; private set; }

    public bool TryReadLine(out ReadOnlySpan<char> line)
    {
        TooLong = false;
        while (true)
        {
            if (_dropLineFeed && _start < _end)
            {
                _start += _buffer[_start] == '\n' ? 1 : 0; // the \n of a \r\n that ended an over-long line
                _dropLineFeed = false;
            }

            var pending = _buffer.AsSpan(_start, _end - _start);
            var stop = pending.IndexOfAny('\r', '\n');
            if ((stop < 0 ? pending.Length : stop) > maxLineLength)
            {
                line = SkipTooLong();
                return true;
            }

            if (stop >= 0 && !(pending[stop] == '\r' && stop == pending.Length - 1 && !_eof))
            {
                var width = pending[stop] == '\r' && stop + 1 < pending.Length && pending[stop + 1] == '\n' ? 2 : 1;
                line = pending[..stop];
                Length = stop;
                _start += stop + width;
                return true;
            }

            if (_eof)
            {
                line = pending;
                Length = pending.Length;
                _start = _end;
                return pending.Length > 0;
            }

            Fill();
        }
    }

    /// <summary>Keeps the head of the line, then reads on to its end without keeping anything, counting.</summary>
    private ReadOnlySpan<char> SkipTooLong()
    {
        _buffer.AsSpan(_start, _head.Length).CopyTo(_head);
        long length = 0;
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var stop = pending.IndexOfAny('\r', '\n');
            if (stop >= 0)
            {
                length += stop;
                _start += stop + 1;
                _dropLineFeed = pending[stop] == '\r';
                break;
            }

            length += pending.Length;
            _start = _end;
            if (_eof)
            {
                break;
            }

            Fill();
        }

        TooLong = true;
        Length = length;
        return _head;
    }

    private void Fill()
    {
        var kept = _end - _start;
        if (kept == _buffer.Length)
        {
            // a line longer than the buffer, still under the cap
            Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, _capacity));
        }
        else
        {
            _buffer.AsSpan(_start, kept).CopyTo(_buffer);
        }

        _start = 0;
        _end = kept;
        var read = reader.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _eof = read == 0;
    }
}
