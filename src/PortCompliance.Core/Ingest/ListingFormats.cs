using PortCompliance.Core.Ingest.Nmap;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>
/// The input formats, by key: the one list of them. Each format declares its key, description and sniffing itself
/// (<see cref="IListingFormat"/>); the key list feeds <c>--input-format</c> help and error messages.
/// </summary>
public static class ListingFormats
{
    /// <summary>Format of a listing in which no line matched any format; all of it is reported unparsed.</summary>
    public const string Unknown = "unknown";

    /// <summary>Formats read line by line, in the order sniffing asks them (the first of equal claims wins).</summary>
    private static readonly Listing[] Listings =
    [
        Listing.Of<SsParser>(),
        Listing.Of<BsdNetstatParser>(), // before netstat: both claim "Active Internet connections"; BSD's claims only its own wording
        Listing.Of<NetstatParser>(),
        Listing.Of<SockstatParser>(),
        Listing.Of<WindowsNetstatParser>(), Listing.Of<PowerShellParser>(), Listing.Of<TasklistParser>(), Listing.Of<LsofParser>(),
    ];

    /// <summary>Formats read whole, told apart by their first bytes before any line is read.</summary>
    private static readonly Declared[] Documents = [Declared.Of<NmapXmlReader>()];

    /// <summary>The formats read line by line: what sniffing chooses among, and what a listing nobody claims is not.</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. Listings.Select(f => f.Key)];

    /// <summary>Every key <c>--input-format</c> accepts: the line formats, then those read whole.</summary>
    public static IReadOnlyList<string> InputKeys { get; } = [.. Keys, .. Documents.Select(f => f.Key)];

    /// <summary>Every input format as <c>key: description</c>, for <c>--input-format</c> help.</summary>
    public static string Describe() =>
        string.Join(", ", Listings.Select(f => $"{f.Key}: {f.Description}").Concat(Documents.Select(f => $"{f.Key}: {f.Description}")));

    internal static IListingParser Create(string key, SnapshotBuilder builder)
    {
        var format = Listings.Single(f => f.Key == key);
        builder.Os = format.Os;
        return format.Create(builder);
    }

    /// <summary>
    /// The format that claims this line most strongly (a header outranks a row), or null when none does.
    /// The reader asks line by line until one answers.
    /// </summary>
    internal static string? Sniff(ReadOnlySpan<char> line)
    {
        string? best = null;
        var strength = Signature.None;
        foreach (var format in Listings)
        {
            var signature = format.Sniff(line);
            if (signature > strength)
            {
                (best, strength) = (format.Key, signature);
            }
        }

        return best;
    }

    private sealed record Declared(string Key, string Description)
    {
        public static Declared Of<T>() where T : IInputFormat => new(T.Key, T.Description);
    }

    /// <summary>A line format's declaration, bound once to delegates so the registry can hold formats of any type.</summary>
    private sealed record Listing(string Key, string Description, HostOs Os, SniffLine Sniff, Func<SnapshotBuilder, IListingParser> Create)
    {
        public static Listing Of<T>() where T : IListingFormat => new(T.Key, T.Description, T.Os, T.Sniff, T.Create);
    }

    private delegate Signature SniffLine(ReadOnlySpan<char> line);
}
