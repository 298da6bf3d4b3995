namespace PortCompliance.Core.Ingest;

/// <summary>
/// Appends in fixed 4,096-item chunks and copies out once. A List that keeps doubling allocates on the large-object heap
/// at every growth past 85 KB, and each such allocation can set off a full collection mid-parse.
/// </summary>
internal sealed class ChunkedList<T>
{
    private const int ChunkSize = 4096;
    private readonly List<T[]> _chunks = [];
    private int _used = ChunkSize;

    public int Count { get; private set; }

    public void Add(T item)
    {
        if (_used == ChunkSize)
        {
            _chunks.Add(new T[ChunkSize]);
            _used = 0;
        }

        _chunks[^1][_used++] = item;
        Count++;
    }

    /// <summary>The last item added, to replace (a socket whose detail lines extend it).</summary>
    public T this[Index index]
    {
        get => _chunks[^1][_used - index.Value];
        set => _chunks[^1][_used - index.Value] = value;
    }

    public T[] ToArray()
    {
        var all = new T[Count];
        for (var i = 0; i < _chunks.Count; i++)
        {
            var length = i == _chunks.Count - 1 ? _used : ChunkSize;
            Array.Copy(_chunks[i], 0, all, i * ChunkSize, length);
        }

        return all;
    }
}
