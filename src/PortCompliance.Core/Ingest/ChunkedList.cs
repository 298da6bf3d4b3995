namespace PortCompliance.Core.Ingest;

/// <summary>
/// Appends in chunks that grow with the list up to 4,096 items, and copies out once. A List that keeps doubling
/// allocates on the large-object heap at every growth past 85 KB, and each such allocation can set off a full collection
/// mid-parse; a first chunk of 4,096 would cost a ten-socket listing 32 KB (a fleet reads thousands).
/// </summary>
internal sealed class ChunkedList<T>
{
    private const int FirstChunk = 16;
    private const int MaxChunk = 4096;
    private readonly List<T[]> _chunks = [];
    private int _used;

    public int Count { get; private set; }

    public void Add(T item)
    {
        if (_chunks.Count == 0 || _used == _chunks[^1].Length)
        {
            _chunks.Add(new T[Math.Clamp(Count, FirstChunk, MaxChunk)]);
            _used = 0;
        }

        _chunks[^1][_used++] = item;
        Count++;
    }

    /// <summary>The last item added, to replace (a socket whose detail lines extend it).</summary>
    /// <summary>Takes the last item off (a socket its own line turned out not to hold).</summary>
    public void RemoveLast()
    {
        ArgumentOutOfRangeException.ThrowIfZero(Count);
        _chunks[^1][--_used] = default!;
        Count--;
        if (_used == 0)
        {
            _chunks.RemoveAt(_chunks.Count - 1);
            _used = _chunks.Count == 0 ? 0 : _chunks[^1].Length;
        }
    }

    public T this[Index index]
    {
        get => _chunks[^1][_used - index.Value];
        set => _chunks[^1][_used - index.Value] = value;
    }

    /// <summary>The item at a position counted from the start (a socket a later row folds into).</summary>
    public T this[int index]
    {
        get
        {
            var (chunk, offset) = Locate(index);
            return chunk[offset];
        }
        set
        {
            var (chunk, offset) = Locate(index);
            chunk[offset] = value;
        }
    }

    private (T[] Chunk, int Offset) Locate(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        foreach (var chunk in _chunks)
        {
            if (index < chunk.Length)
            {
                return (chunk, index);
            }

            index -= chunk.Length;
        }

        throw new InvalidOperationException("unreachable: the index is below Count");
    }

    public T[] ToArray()
    {
        var all = new T[Count];
        var at = 0;
        for (var i = 0; i < _chunks.Count; i++)
        {
            var length = i == _chunks.Count - 1 ? _used : _chunks[i].Length;
            Array.Copy(_chunks[i], 0, all, at, length);
            at += length;
        }

        return all;
    }
}
