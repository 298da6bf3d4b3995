namespace PortCompliance.Core.Model;

/// <summary>
/// Reads at most a given number of bytes of another stream, then ends, remembering whether more was there: a cap
/// by bytes actually read, for files that report no length (a device) or a false one. Asked to, it hashes what it passes on.
/// </summary>
internal sealed class CappedStream(Stream inner, long maxBytes, bool hash = false) : Stream
{
    private readonly System.Security.Cryptography.IncrementalHash? _hash =
        hash ? System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256) : null;

    private long _read;

    /// <summary>The SHA-256 of the bytes read so far (lowercase hex): the whole file's once it was read to its end.</summary>
    public string Sha256 => Convert.ToHexStringLower((_hash ?? throw new InvalidOperationException("this stream was not asked to hash")).GetCurrentHash());

    /// <summary>True once the inner stream was found to hold more than the cap.</summary>
    public bool Exceeded { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (Exceeded || buffer.IsEmpty)
        {
            return 0;
        }

        var left = maxBytes - _read;
        if (left <= 0)
        {
            // One byte more tells a file of exactly the cap from a longer one.
            Span<byte> probe = stackalloc byte[1];
            Exceeded = inner.Read(probe) > 0;
            return 0;
        }

        var n = inner.Read(buffer[..(int)Math.Min(buffer.Length, left)]);
        _hash?.AppendData(buffer[..n]);
        _read += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
