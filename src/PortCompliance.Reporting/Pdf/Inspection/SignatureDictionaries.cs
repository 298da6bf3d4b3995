using System.Text;
using PdfSharp.Pdf;

namespace PortCompliance.Reporting.Pdf.Inspection;

/// <summary>
/// The signature dictionaries of a document (PDF 32000 12.8.1): every dictionary with a <c>/ByteRange</c> and a
/// <c>/Contents</c> string, named by the form field whose value it is.
/// </summary>
internal static class SignatureDictionaries
{
    private const int MaxFieldDepth = 32;

    public static List<EmbeddedSignature> Read(PdfDocument document)
    {
        var fields = new Dictionary<PdfDictionary, string>();
        foreach (var field in document.Internals.Catalog.Elements.GetDictionary("/AcroForm")?.Elements.GetArray("/Fields")?.Elements ?? Enumerable.Empty<PdfItem>())
        {
            NameFields(PdfItems.Resolve(field) as PdfDictionary, "", fields, 0);
        }

        // Every signature dictionary in the file, whether a form field names it or not: one hidden from the form still counts.
        var signatures = new List<EmbeddedSignature>();
        foreach (var dictionary in document.Internals.GetAllObjects().OfType<PdfDictionary>())
        {
            if (dictionary.Elements.GetArray("/ByteRange") is { } range && PdfItems.Resolve(dictionary.Elements["/Contents"]) is PdfString contents)
            {
                signatures.Add(new EmbeddedSignature(
                    fields.GetValueOrDefault(dictionary, "(no form field)"),
                    (PdfItems.Resolve(dictionary.Elements["/SubFilter"]) as PdfName)?.Value.TrimStart('/'),
                    [.. range.Elements.Select(e => PdfItems.Resolve(e) switch { PdfInteger i => i.Value, PdfLongInteger l => l.Value, _ => -1L })],
                    Encoding.Latin1.GetBytes(contents.Value)));
            }
        }

        return signatures;
    }

    /// <summary>Fully qualified field names (<c>parent.child</c>) of the signature values the form's fields hold.</summary>
    private static void NameFields(PdfDictionary? field, string parent, Dictionary<PdfDictionary, string> names, int depth)
    {
        if (field is null || depth > MaxFieldDepth)
        {
            return;
        }

        var own = field.Elements["/T"] is null ? "" : field.Elements.GetString("/T");
        var name = parent.Length == 0 ? own : own.Length == 0 ? parent : $"{parent}.{own}";
        if (PdfItems.Resolve(field.Elements["/V"]) is PdfDictionary value)
        {
            names.TryAdd(value, name);
        }

        foreach (var kid in field.Elements.GetArray("/Kids")?.Elements ?? Enumerable.Empty<PdfItem>())
        {
            NameFields(PdfItems.Resolve(kid) as PdfDictionary, name, names, depth + 1);
        }
    }
}
