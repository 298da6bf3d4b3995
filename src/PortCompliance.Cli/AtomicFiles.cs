namespace PortCompliance.Cli;

/// <summary>
/// Files written under temporary names in their target folder and renamed into place only when all of them are
/// complete: a crash or a failing renderer never leaves half a report, and never a mix of old and new files. Files in
/// a folder that is itself renamed into place later (a fleet's staged <c>hosts/</c>) need not be flushed one by one
/// (<paramref name="flushEach"/> false): <see cref="DiskSync"/> flushes the folder whole before it is published.
/// </summary>
internal sealed class AtomicFiles(string folder, bool flushEach = true) : IDisposable
{
    private readonly List<(string Temporary, string Final, Stream Stream)> _pending = [];

    /// <summary>
    /// The SHA-256 of every file committed in this process, by full path, hashed as it was written: SHA256SUMS need
    /// not read 2,000 host reports back. A file renamed after its commit (a fleet's hosts/) is moved along (<see cref="Moved"/>).
    /// </summary>
    public static System.Collections.Concurrent.ConcurrentDictionary<string, string> Sha256s { get; } = new(StringComparer.Ordinal);

    /// <summary>Carries a committed file's hash to where it was moved.</summary>
    public static void Moved(string from, string to)
    {
        if (Sha256s.TryRemove(Path.GetFullPath(from), out var sha256))
        {
            Sha256s[Path.GetFullPath(to)] = sha256;
        }
    }

    /// <summary>A file to write, by name relative to the folder (<c>report.pdf</c>, <c>hosts/web01.pdf</c>).</summary>
    public Stream Open(string name)
    {
        var final = Path.Combine(folder, name);
        var directory = Path.GetDirectoryName(final)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(name)}.{Environment.ProcessId}.{_pending.Count}.tmp");
        var stream = new KeepOpen(new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None));
        _pending.Add((temporary, final, stream));
        return stream;
    }

    /// <summary>Scratch space beside the files (a renderer's spool): deleted when closed, never renamed into place.</summary>
    public Stream Scratch()
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $".spool.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        return new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
    }

    /// <summary>Flushes every file to disk (unless the folder is flushed whole later) and renames each into place; returns the final paths.</summary>
    public IReadOnlyList<string> Commit()
    {
        foreach (var (_, _, stream) in _pending)
        {
            ((KeepOpen)stream).Close(complete: true, flushEach);
        }

        foreach (var (temporary, final, stream) in _pending)
        {
            File.Move(temporary, final, overwrite: true);
            Sha256s[Path.GetFullPath(final)] = ((KeepOpen)stream).Sha256;
        }

        var written = _pending.Select(p => p.Final).ToList();
        _pending.Clear();
        return written;
    }

    public void Dispose()
    {
        foreach (var (temporary, _, stream) in _pending)
        {
            ((KeepOpen)stream).Close(complete: false, flushToDisk: false);
            File.Delete(temporary);
        }

        _pending.Clear();
    }

    public static void Write(string path, Action<Stream> write)
    {
        using var files = new AtomicFiles(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using (var stream = files.Open(Path.GetFileName(path)))
        {
            write(stream);
        }

        files.Commit();
    }

    /// <summary>
    /// Lets a renderer dispose its writer without closing the file before it is flushed to disk; hashes what is written.
    /// </summary>
    private sealed class KeepOpen(FileStream inner) : Stream
    {
        private readonly System.Security.Cryptography.IncrementalHash _hash =
            System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);

        public string Sha256 { get; private set; } = "";

        public void Close(bool complete, bool flushToDisk)
        {
            if (complete)
            {
                inner.Flush(flushToDisk);
                Sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
            }

            inner.Dispose();
            _hash.Dispose();
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            inner.Write(buffer);
        }
    }
}
