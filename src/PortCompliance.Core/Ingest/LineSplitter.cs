namespace PortCompliance.Core.Ingest;

/// <summary>
/// Hands out the lines of a reader as spans over one reusable buffer, split like
/// <see cref="TextReader.ReadLine"/> (\n, \r\n or \r), so lines nobody keeps cost no allocation.
/// A span is valid until the next call.
/// </summary>
internal sealed class LineSplitter(TextReader reader, int bufferSize = 1 << 12)
{
    private char[] _buffer = new char[bufferSize];
    private int _start;
    private int _end;
    private bool _eof;

    public bool TryReadLine(out ReadOnlySpan<char> line)
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var stop = pending.IndexOfAny('\r', '\n');
            if (stop >= 0 && !(pending[stop] == '\r' && stop == pending.Length - 1 && !_eof))
            {
                var width = pending[stop] == '\r' && stop + 1 < pending.Length && pending[stop + 1] == '\n' ? 2 : 1;
                line = pending[..stop];
                _start += stop + width;
                return true;
            }

            if (_eof)
            {
                line = pending;
                _start = _end;
                return pending.Length > 0;
            }

            Fill();
        }
    }

    private void Fill()
    {
        var kept = _end - _start;
        if (kept == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2); // a line longer than the buffer
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
