using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;

namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>
/// Saves a document so the same content always gives the same bytes. PDFsharp draws three random values per file:
/// the font subset tags (<c>ABCDEF+DejaVu Sans</c>), the trailer's /ID, and the XMP packet's DocumentID and
/// InstanceID. Tags are derived from the font name before saving; the /ID and the XMP ids are written as
/// placeholders, then replaced — same length, so no offset moves — by ids derived from a hash of the file itself.
/// The metadata values are written in first (<see cref="DocumentMetadata"/>), so the hash covers them.
/// </summary>
internal static partial class ReproduciblePdf
{
    private const string PlaceholderId = "00000000000000000000000000000000";
    private const string PlaceholderUuid = "00000000-0000-0000-0000-000000000000";

    // One save buffer per thread: a fleet saves thousands of documents, each would otherwise grow a fresh buffer on the
    // large-object heap (measured: ~100 gen-2 collections per 1,000 host reports).
    [ThreadStatic]
    private static MemoryStream? t_buffer;

    public static byte[] Save(PdfDocument document, DocumentMetadata metadata)
    {
        PinSubsetTags(document);
        document.Internals.FirstDocumentID = PlaceholderId;
        document.Internals.SecondDocumentID = PlaceholderId;
        var buffer = t_buffer ??= new MemoryStream();
        buffer.SetLength(0);
        document.Save(buffer, closeStream: false);

        // Every replacement keeps its length, so the bytes are edited in place and no offset in the file moves.
        var pdf = buffer.ToArray();
        metadata.Fill(pdf);
        foreach (var field in XmpIds)
        {
            ReplaceAll(pdf, Encoding.ASCII.GetBytes(field), Encoding.ASCII.GetBytes(field + PlaceholderUuid));
        }

        var hash = Convert.ToHexString(SHA256.HashData(pdf));
        var placeholder = Encoding.ASCII.GetBytes($"/ID[<{Hex(PlaceholderId)}><{Hex(PlaceholderId)}>]");
        if (pdf.AsSpan().IndexOf(placeholder) < 0)
        {
            throw new InvalidOperationException("PDFsharp no longer writes the document /ID as expected; the PDF cannot be made reproducible");
        }

        var id = hash[..32];
        ReplaceAll(pdf, placeholder, Encoding.ASCII.GetBytes($"/ID[<{Hex(id)}><{Hex(id)}>]"));
        var uuid = $"{hash[32..40]}-{hash[40..44]}-{hash[44..48]}-{hash[48..52]}-{hash[52..64]}".ToLowerInvariant();
        ReplaceAll(pdf, Encoding.ASCII.GetBytes(PlaceholderUuid), Encoding.ASCII.GetBytes(uuid));
        return pdf;
    }

    // The XMP packet's ids, written by PDFsharp as <xmpMM:DocumentID>uuid:RANDOM</xmpMM:DocumentID>.
    private static readonly string[] XmpIds = ["<xmpMM:DocumentID>uuid:", "<xmpMM:InstanceID>uuid:"];

    /// <summary>
    /// Overwrites every occurrence of <paramref name="find"/> from its first byte with <paramref name="replacement"/>,
    /// which may be longer: then it also overwrites what follows (an XMP id's random value after its "uuid:").
    /// </summary>
    private static void ReplaceAll(Span<byte> pdf, ReadOnlySpan<byte> find, ReadOnlySpan<byte> replacement)
    {
        for (var at = pdf.IndexOf(find); at >= 0; at = pdf.IndexOf(find))
        {
            replacement.CopyTo(pdf[at..]);
            pdf = pdf[(at + replacement.Length)..];
        }
    }

    /// <summary>PDFsharp writes each /ID string as the hex of its characters.</summary>
    private static string Hex(string id) => Convert.ToHexString(Encoding.ASCII.GetBytes(id));

    /// <summary>A subset tag is six capitals (PDF 32000 9.6.4); here they come from the font's name and its order in the file.</summary>
    private static void PinSubsetTags(PdfDocument document)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dictionary in document.Internals.GetAllObjects().OfType<PdfDictionary>())
        {
            foreach (var key in (string[])["/BaseFont", "/FontName"])
            {
                var name = dictionary.Elements.GetName(key);
                if (SubsetName().Match(name) is { Success: true } match)
                {
                    var tagged = match.Groups["tag"].Value + match.Groups["font"].Value;
                    if (!tags.TryGetValue(tagged, out var tag))
                    {
                        var seed = SHA256.HashData(Encoding.UTF8.GetBytes($"{match.Groups["font"].Value}#{tags.Count}"));
                        tag = new string([.. seed.Take(6).Select(b => (char)('A' + b % 26))]);
                        tags[tagged] = tag;
                    }

                    dictionary.Elements.SetName(key, $"/{tag}+{match.Groups["font"].Value}");
                }
            }
        }
    }

    [GeneratedRegex(@"^/(?<tag>[A-Z]{6})\+(?<font>.+)$")]
    private static partial Regex SubsetName();

}
