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
/// </summary>
internal static partial class ReproduciblePdf
{
    private const string PlaceholderId = "00000000000000000000000000000000";
    private const string PlaceholderUuid = "00000000-0000-0000-0000-000000000000";

    public static byte[] Save(PdfDocument document)
    {
        PinSubsetTags(document);
        document.Internals.FirstDocumentID = PlaceholderId;
        document.Internals.SecondDocumentID = PlaceholderId;
        using var buffer = new MemoryStream();
        document.Save(buffer, closeStream: false);

        // Latin-1 maps every byte to one char and back, so the binary streams survive the text replacement untouched.
        var text = Encoding.Latin1.GetString(buffer.ToArray());
        text = XmpUuid().Replace(text, PlaceholderUuid);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.Latin1.GetBytes(text)));
        var placeholder = $"/ID[<{Hex(PlaceholderId)}><{Hex(PlaceholderId)}>]";
        if (!text.Contains(placeholder, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("PDFsharp no longer writes the document /ID as expected; the PDF cannot be made reproducible");
        }

        var id = hash[..32];
        text = text.Replace(placeholder, $"/ID[<{Hex(id)}><{Hex(id)}>]", StringComparison.Ordinal);
        var uuid = $"{hash[32..40]}-{hash[40..44]}-{hash[44..48]}-{hash[48..52]}-{hash[52..64]}".ToLowerInvariant();
        text = text.Replace(PlaceholderUuid, uuid, StringComparison.Ordinal);
        return Encoding.Latin1.GetBytes(text);
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

    [GeneratedRegex(@"(?<=<xmpMM:(?:DocumentID|InstanceID)>uuid:)[0-9a-fA-F-]{36}")]
    private static partial Regex XmpUuid();
}
