using System.Text;
using System.Text.RegularExpressions;

namespace PortCompliance.Reporting.Pdf.Inspection;

/// <summary>
/// Finds signature dictionaries in a PDF's bytes alone, for a file whose structure no longer parses (one changed byte
/// can break an object or the cross-reference table): a signature covers the whole file, so its <c>/ByteRange</c>,
/// <c>/Contents</c> and <c>/SubFilter</c> can be read from the object that holds them and checked all the same.
/// </summary>
internal static partial class RawSignatures
{
    public static IReadOnlyList<EmbeddedSignature> Find(byte[] pdf)
    {
        // Latin-1 maps each byte to one char: string offsets are file offsets.
        var text = Encoding.Latin1.GetString(pdf);
        var found = new List<EmbeddedSignature>();
        foreach (Match range in ByteRange().Matches(text))
        {
            var start = text.LastIndexOf(" obj", range.Index, StringComparison.Ordinal);
            var end = text.IndexOf("endobj", range.Index, StringComparison.Ordinal);
            var body = text[(start < 0 ? 0 : start)..(end < 0 ? text.Length : end)];
            var offset = start < 0 ? 0 : start;
            if (Contents().Match(body) is not { Success: true } contents)
            {
                continue;
            }

            var hex = contents.Groups["hex"].Value;
            var numbers = range.Groups["n"].Captures.Select(c => long.TryParse(c.Value, out var n) ? n : -1).ToList();
            found.Add(new EmbeddedSignature(
                $"(read from the bytes at offset {offset + contents.Groups["hex"].Index - 1})",
                SubFilter().Match(body) is { Success: true } filter ? filter.Groups["name"].Value : null,
                numbers,
                hex.Length % 2 == 0 && hex.All(char.IsAsciiHexDigit) ? Convert.FromHexString(hex) : []));
        }

        return found;
    }

    [GeneratedRegex(@"/ByteRange\s*\[\s*(?:(?<n>\d{1,19})\s*){4}\]")]
    private static partial Regex ByteRange();

    [GeneratedRegex(@"/Contents\s*<(?<hex>[^>]*)>")]
    private static partial Regex Contents();

    [GeneratedRegex(@"/SubFilter\s*/(?<name>[^\s/<>\[\]()]+)")]
    private static partial Regex SubFilter();
}
