using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using PortCompliance.Core.Ingest.Live;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;
using PortCompliance.Reporting.Evidence;

namespace PortCompliance.Cli.Reports;

/// <summary>
/// The bytes a run's PDFs attach, read where the audit found them and checked against the hash it recorded: a file
/// changed since it was judged is not attached, and the report says so. Standard input and live scans have no file:
/// their bytes are kept as they are read. The policy's bytes come from the loaded policy; this run's results.json
/// from the output folder, once written — never a previous run's, when this one writes none. Safe to call from every
/// core at once.
/// </summary>
internal sealed class EvidenceFiles(Policy policy, string folder, bool writesResults) : IEvidenceSource
{
    private readonly ConcurrentDictionary<string, byte[]> _kept = new(StringComparer.Ordinal);

    /// <summary>Standard input, passed through and kept (up to what a report may attach), for the report of the host it names.</summary>
    public Stream Keep(Stream stdin) => new KeepingStream(stdin, bytes => _kept["-"] = bytes);

    /// <summary>A live scan's evidence lines, attached as its listing.</summary>
    public void Keep(HostSnapshot live) => _kept[live.Source] = Encoding.UTF8.GetBytes(LiveScanner.Evidence(live.Sockets));

    public EvidenceBytes Read(EvidenceKind kind, string source, string? sha256, long maxBytes)
    {
        var (bytes, problem) = kind switch
        {
            EvidenceKind.Policy => (policy.Sources.FirstOrDefault(s => s.Path == source)?.Content.ToArray(), "it is not among the policy files loaded"),
            EvidenceKind.Results => writesResults
                ? Load(Path.Combine(folder, "results.json"), maxBytes)
                : (null, "this run writes no results.json (--formats without json)"),
            _ => _kept.TryGetValue(source, out var kept) ? (kept, null) : Load(source, maxBytes),
        };
        if (bytes is null)
        {
            return EvidenceBytes.Missing(problem ?? "its bytes are no longer at hand");
        }

        if (bytes.Length > maxBytes)
        {
            return EvidenceBytes.Missing(TooLarge(bytes.Length, maxBytes));
        }

        if (sha256 is null)
        {
            return EvidenceBytes.Of(bytes);
        }

        var now = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return now == sha256
            ? EvidenceBytes.Of(bytes)
            : EvidenceBytes.Missing($"the file changed after it was judged (its SHA-256 is now {now})");
    }

    /// <summary>
    /// A regular file's bytes, read into one array of the size it says it has (a 24 MB results.json is not grown
    /// through a buffer), and only if it holds no more than that — a file still growing is refused, not cut.
    /// </summary>
    private static (byte[]? Bytes, string? Problem) Load(string path, long maxBytes)
    {
        try
        {
            using var stream = RegularFiles.OpenRead(path, out var problem, bufferSize: 1);
            if (stream is null)
            {
                return (null, problem);
            }

            if (stream.Length > maxBytes)
            {
                return (null, TooLarge(stream.Length, maxBytes));
            }

            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return stream.ReadByte() < 0 ? (bytes, null) : (null, "it grew while it was being read");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"it can no longer be read: {e.Message}");
        }
    }

    private static string TooLarge(long size, long maxBytes) =>
        $"{AttachmentPlan.Size(size)}, over what this report may still attach ({AttachmentPlan.Size(maxBytes)})";

    /// <summary>Reads through to the inner stream and hands over every byte read once it ends (or is disposed).</summary>
    private sealed class KeepingStream(Stream inner, Action<byte[]> keep) : Stream
    {
        private readonly MemoryStream _copy = new();
        private bool _kept;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _copy.Length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            if (_copy.Length <= AttachmentPlan.MaxBytes)
            {
                _copy.Write(buffer[..n]);
            }

            if (n == 0 && buffer.Length > 0)
            {
                Keep();
            }

            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Keep();
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Keep()
        {
            if (!_kept)
            {
                _kept = true;
                keep(_copy.ToArray());
            }
        }
    }
}
