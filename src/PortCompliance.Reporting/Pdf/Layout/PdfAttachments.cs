using System.IO.Compression;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PortCompliance.Reporting.Evidence;

namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>
/// Embeds a report's evidence as file attachments (PDF 32000 7.11.4): one file specification per file, named in the
/// document's <c>/EmbeddedFiles</c> name tree in sorted order, its <c>/Desc</c> saying what it is, its stream
/// compressed, its <c>/Params</c> giving its size and the report's own time —
/// never the wall clock, so the same report gives the same bytes.
/// </summary>
internal static class PdfAttachments
{
    public static void Embed(PdfDocument document, IReadOnlyList<EvidenceAttachment> attachments, DateTime created)
    {
        foreach (var attachment in attachments.Where(a => a.Attached).OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            document.AddEmbeddedFile(attachment.Name, new MemoryStream([]));
            var specification = document.Internals.GetAllObjects().OfType<PdfFileSpecification>()
                .Last(f => f.Elements.GetString("/F") == attachment.Name);
            specification.Elements.SetString("/Desc", attachment.Description);
            var file = (PdfDictionary)((PdfReference)specification.Elements.GetDictionary("/EF")!.Elements["/F"]!).Value;
            file.Stream.Value = Deflate(attachment.Bytes!);
            file.Elements.SetName("/Filter", "/FlateDecode");
            file.Elements.SetName("/Subtype", Mime(attachment.Name));
            var parameters = new PdfDictionary(document);
            parameters.Elements.SetInteger("/Size", attachment.Bytes!.Length);
            parameters.Elements.SetDateTime("/CreationDate", created);
            parameters.Elements.SetDateTime("/ModDate", created);
            file.Elements["/Params"] = parameters;
        }
    }

    private static byte[] Deflate(byte[] bytes)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(bytes);
        }

        return compressed.ToArray();
    }

    /// <summary>The media type, as a PDF name (<c>/</c> written <c>#2F</c>).</summary>
    private static string Mime(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".json" => "/application#2Fjson",
        ".yaml" or ".yml" => "/application#2Fyaml",
        ".csv" => "/text#2Fcsv",
        ".xml" => "/application#2Fxml",
        _ => "/text#2Fplain",
    };
}
