using PortCompliance.Core.Ingest.Nmap;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>
/// Reads any input: nmap XML (the outside view) or an ss/netstat listing (the inside view), told apart by content
/// unless <c>--input-format</c> says which. Listings stream; nmap files are read whole.
/// </summary>
public static class InputReader
{
    private const int Peek = 1024;

    /// <summary>Every format <c>--input-format</c> accepts.</summary>
    public static IReadOnlyList<string> Formats => ListingFormats.InputKeys;

    public static IngestResult Read(Stream stream, ListingOptions options)
    {
        var head = new byte[Peek];
        var length = stream.ReadAtLeast(head, Peek, throwOnEndOfStream: false);
        var whole = new PrefixedStream(head.AsMemory(0, length), stream);
        if (options.Format == NmapXmlReader.Format || options.Format is null && NmapXmlReader.Sniff(head.AsSpan(0, length)))
        {
            using var buffer = new MemoryStream();
            whole.CopyTo(buffer);
            var (scans, diagnostics) = NmapXmlReader.Read(buffer.ToArray(), options);
            return new IngestResult(null, diagnostics) { Scans = scans };
        }

        return ListingReader.Read(whole, options);
    }

    public static IngestResult ReadFile(string path, ListingOptions options)
    {
        try
        {
            using var stream = RegularFiles.OpenRead(path, out var problem, bufferSize: 1);
            return stream is null
                ? new IngestResult(null, [new Diagnostic(options.Source, 0, 0, DiagnosticSeverity.Error, $"cannot read: {problem}")])
                : Read(stream, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new IngestResult(null, [new Diagnostic(options.Source, 0, 0, DiagnosticSeverity.Error, $"cannot read: {e.Message}")]);
        }
    }

    /// <summary>The bytes already peeked at, then the rest of the stream.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : ReadOnlyStream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override int Read(Span<byte> buffer)
        {
            if (_prefix.IsEmpty)
            {
                return rest.Read(buffer);
            }

            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                rest.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
