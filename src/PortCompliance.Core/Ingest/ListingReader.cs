using System.Globalization;
using System.Text;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>What to call an input and how to read it; null fields mean "work it out from the content".</summary>
public sealed record ListingOptions(string Source, string? Host = null, string? Format = null);

/// <summary>The snapshot of one input, or why there is none, plus warnings worth telling the user.</summary>
public sealed record IngestResult(HostSnapshot? Snapshot, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Outside scans (nmap) the input held, instead of a listing.</summary>
    public IReadOnlyList<ExternalScan> Scans { get; init; } = [];
}

/// <summary>
/// Streams one listing: decodes it (BOM, CRLF), hashes the bytes, finds the host name, sniffs the format
/// from the first line some format claims, then hands every non-blank line to that format's parser.
/// </summary>
internal static class ListingReader
{
    private const int MaxUndecidedLines = 10_000;

    /// <summary>Lines held before a format is known are bounded in characters too: 10,000 lines at the cap would be 20 GB.</summary>
    private const long MaxUndecidedChars = 16L << 20;

    public static IngestResult Read(Stream stream, ListingOptions options)
    {
        using var hashing = new HashingReadStream(stream);
        using var reader = new StreamReader(hashing, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 13);
        var builder = new SnapshotBuilder();
        var undecided = new List<(int Number, string Line, long TooLong)>();
        long undecidedChars = 0;
        var format = options.Format;
        IListingParser? parser = format is null ? null : ListingFormats.Create(format, builder);
        var number = 0;
        var seenContent = false;
        var warnings = new List<Diagnostic>();
        var lines = new LineSplitter(reader);

        while (lines.TryReadLine(out var line))
        {
            number++;
            if (!lines.TooLong && line.IsWhiteSpace())
            {
                continue;
            }

            if (line.Contains('\0'))
            {
                return Failed(options.Source, number, $"binary data (a NUL byte): this is not an {string.Join(" or ", ListingFormats.Keys)} listing");
            }

            if (lines.TooLong)
            {
                // Not read, but told: a line that long may still be a row with an open port in it.
                seenContent = true;
                if (parser is not null)
                {
                    TooLong(builder, number, line, lines.Length);
                }
                else
                {
                    undecided.Add((number, line.ToString(), lines.Length));
                }

                continue;
            }

            if (!seenContent && builder.DeclaredHost is null && HostNames.TryReadDirective(line, out var declared))
            {
                builder.DeclaredHost = declared;
                builder.AddNote(number);
                continue;
            }

            if (!seenContent && builder.DeclaredOs is null && HostNames.TryReadOsDirective(line, out var os))
            {
                if (os is null)
                {
                    builder.AddUnparsed(number, line, "'# os:' names no OS this tool knows (linux, windows, macos, freebsd, openbsd)");
                }
                else
                {
                    builder.DeclaredOs = os;
                    builder.AddNote(number);
                }

                continue;
            }

            if (!seenContent && builder.DeclaredCapture is null && HostNames.TryReadCapturedDirective(line, out var captured))
            {
                // A note either way: the line is about the listing. A time we cannot read is told, never guessed.
                builder.AddNote(number);
                if (captured is null)
                {
                    warnings.Add(new Diagnostic(options.Source, number, 1, DiagnosticSeverity.Warning,
                        $"'# captured:' needs an ISO 8601 time with an offset (2026-11-30T02:00:00Z), not '{Excerpt.Of(line[(line.IndexOf(':') + 1)..].Trim())}': the capture time is left unknown"));
                }
                else
                {
                    builder.DeclaredCapture = captured;
                }

                continue;
            }

            seenContent = true;
            if (parser is not null)
            {
                parser.Accept(number, line);
                continue;
            }

            undecided.Add((number, line.ToString(), 0));
            undecidedChars += line.Length;
            format = ListingFormats.Sniff(line);
            if (format is not null || undecided.Count >= MaxUndecidedLines || undecidedChars >= MaxUndecidedChars)
            {
                parser = Decide(ref format, builder, undecided);
            }
        }

        var diagnostics = warnings;
        if (parser is null)
        {
            parser = Decide(ref format, builder, undecided);
        }

        parser.End();

        if (format == ListingFormats.Unknown && number > 0)
        {
            diagnostics.Add(new Diagnostic(options.Source, 0, 0, DiagnosticSeverity.Warning,
                $"no {string.Join(" or ", ListingFormats.Keys)} header or row found; every line is reported unparsed"));
        }

        var host = options.Host ?? builder.DeclaredHost ?? (options.Source == "-" ? "stdin" : HostNames.FromPath(options.Source));
        var snapshot = builder.Build(host, format!, options.Source, hashing.HexDigest(), number);
        return new IngestResult(snapshot, diagnostics);
    }

    private static IListingParser Decide(ref string? format, SnapshotBuilder builder, List<(int Number, string Line, long TooLong)> undecided)
    {
        format ??= ListingFormats.Unknown;
        IListingParser parser = format == ListingFormats.Unknown
            ? new UnknownFormatParser(builder)
            : ListingFormats.Create(format, builder);
        foreach (var (number, line, tooLong) in undecided)
        {
            if (tooLong > 0)
            {
                TooLong(builder, number, line, tooLong);
            }
            else
            {
                parser.Accept(number, line);
            }
        }

        undecided.Clear();
        return parser;
    }

    private static void TooLong(SnapshotBuilder builder, int number, ReadOnlySpan<char> head, long length) =>
        builder.AddUnparsed(number, head, string.Create(CultureInfo.InvariantCulture,
            $"the line is {length:N0} characters long, over the limit of {LineSplitter.MaxLineLength:N0}; it was not read"));

    private static IngestResult Failed(string source, int line, string message) =>
        new(null, [new Diagnostic(source, line, 0, DiagnosticSeverity.Error, message)]);
}
