namespace PortCompliance.Core.Ingest;

/// <summary>
/// What a report keeps of text that came from a host and was not read: at most <see cref="MaxLength"/> characters,
/// then "…". Unparsed lines and the reasons that quote a token of one are cut the same way, so a 200 KB address
/// costs a kilobyte in every report, not 200 KB per place it is quoted.
/// </summary>
internal static class Excerpt
{
    public const int MaxLength = 1000;

    public static string Of(ReadOnlySpan<char> text) => Of(text, MaxLength);

    /// <summary>A reason: ours, quoting at most one excerpt, so room for that and its words; a backstop, not a format.</summary>
    public static string OfReason(ReadOnlySpan<char> reason) => Of(reason, 2 * MaxLength);

    private static string Of(ReadOnlySpan<char> text, int max) =>
        text.Length > max ? string.Concat(text[..max], "…") : text.ToString();
}
