namespace PortCompliance.Core.Ingest;

/// <summary>The input formats, by key. The key list feeds <c>--input-format</c> help and error messages.</summary>
public static class ListingFormats
{
    /// <summary>Format of a listing in which no line matched any format; all of it is reported unparsed.</summary>
    public const string Unknown = "unknown";

    private static readonly Format[] All =
    [
        new(SsParser.Key, "iproute2 ss (-lntup, -tulnp, -a, -e, -i, -H …)", SsParser.Sniff, b => new SsParser(b)),
        new(NetstatParser.Key, "net-tools netstat (-plunt, -tulpen, -an …)", NetstatParser.Sniff, b => new NetstatParser(b)),
    ];

    public static IReadOnlyList<string> Keys { get; } = [.. All.Select(f => f.Key)];

    public static string Describe() => string.Join(", ", All.Select(f => $"{f.Key}: {f.Description}"));

    internal static IListingParser Create(string key, SnapshotBuilder builder) =>
        All.Single(f => f.Key == key).Create(builder);

    /// <summary>
    /// The format that claims this line most strongly (a header outranks a row), or null when none does.
    /// The reader asks line by line until one answers.
    /// </summary>
    internal static string? Sniff(ReadOnlySpan<char> line)
    {
        string? best = null;
        var strength = Signature.None;
        foreach (var format in All)
        {
            var signature = format.Sniff(line);
            if (signature > strength)
            {
                (best, strength) = (format.Key, signature);
            }
        }

        return best;
    }

    private sealed record Format(
        string Key,
        string Description,
        SniffLine Sniff,
        Func<SnapshotBuilder, IListingParser> Create);

    private delegate Signature SniffLine(ReadOnlySpan<char> line);
}
