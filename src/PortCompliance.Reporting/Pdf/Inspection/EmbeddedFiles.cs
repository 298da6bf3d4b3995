using System.IO.Compression;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace PortCompliance.Reporting.Pdf.Inspection;

/// <summary>
/// The files of a document's <c>/EmbeddedFiles</c> name tree (PDF 32000 7.9.6, 7.11.4). A tree that loops or nests
/// without end is cut; the streams are inflated here, not by PDFsharp, so that together they stop at a cap.
/// </summary>
internal static class EmbeddedFiles
{
    private const int MaxTreeDepth = 32;

    public static List<EmbeddedFile> Read(PdfDocument document, long maxBytes)
    {
        var files = new List<EmbeddedFile>();
        var tree = document.Internals.Catalog.Elements.GetDictionary("/Names")?.Elements.GetDictionary("/EmbeddedFiles");
        if (tree is not null)
        {
            var budget = new Budget(maxBytes);
            Walk(tree, files, budget, [], 0);
        }

        return files;
    }

    /// <summary>A name tree node (PDF 32000 7.9.6): its <c>/Names</c> pairs, then its <c>/Kids</c>, each node once.</summary>
    private static void Walk(PdfDictionary node, List<EmbeddedFile> files, Budget budget, HashSet<PdfDictionary> seen, int depth)
    {
        if (depth > MaxTreeDepth || !seen.Add(node))
        {
            return;
        }

        if (node.Elements.GetArray("/Names") is { } names)
        {
            for (var i = 0; i + 1 < names.Elements.Count; i += 2)
            {
                var name = PdfItems.Resolve(names.Elements[i]) is PdfString key ? key.Value : "(unnamed)";
                files.Add(PdfItems.Resolve(names.Elements[i + 1]) is PdfDictionary specification
                    ? File(name, specification, budget)
                    : new EmbeddedFile(name, null, null, "its entry is no file specification"));
            }
        }

        foreach (var kid in node.Elements.GetArray("/Kids")?.Elements ?? Enumerable.Empty<PdfItem>())
        {
            if (PdfItems.Resolve(kid) is PdfDictionary child)
            {
                Walk(child, files, budget, seen, depth + 1);
            }
        }
    }

    private static EmbeddedFile File(string name, PdfDictionary specification, Budget budget)
    {
        var description = specification.Elements["/Desc"] is null ? null : specification.Elements.GetString("/Desc");
        var stream = specification.Elements.GetDictionary("/EF") is { } ef ? PdfItems.Resolve(ef.Elements["/F"] ?? ef.Elements["/UF"]) as PdfDictionary : null;
        if (stream?.Stream is null)
        {
            return new EmbeddedFile(name, description, null, "no embedded file stream (/EF /F)");
        }

        var (content, problem) = Decode(stream, budget);
        return new EmbeddedFile(name, description, content, problem);
    }

    /// <summary>The stream's bytes: stored as they are, or deflated (<c>/FlateDecode</c>, no predictor) — what reports use.</summary>
    private static (byte[]? Content, string? Problem) Decode(PdfDictionary stream, Budget budget)
    {
        var filter = PdfItems.Resolve(stream.Elements["/Filter"]) switch
        {
            null => "",
            PdfName one => one.Value,
            PdfArray { Elements.Count: 0 } => "",
            PdfArray { Elements.Count: 1 } array => (PdfItems.Resolve(array.Elements[0]) as PdfName)?.Value ?? "?",
            _ => "a chain of filters",
        };
        if (filter is not ("" or "/FlateDecode") || PdfItems.Resolve(stream.Elements["/DecodeParms"]) is PdfDictionary)
        {
            return (null, $"encoded with {(filter.Length == 0 ? "decode parameters" : filter)}, which this check does not read");
        }

        var raw = stream.Stream.Value;
        if (filter.Length == 0)
        {
            return budget.Take(raw.Length) ? (raw, null) : (null, budget.Exceeded);
        }

        try
        {
            using var inflate = new ZLibStream(new MemoryStream(raw, writable: false), CompressionMode.Decompress);
            using var content = new MemoryStream();
            var buffer = new byte[81920];
            for (var n = inflate.Read(buffer); n > 0; n = inflate.Read(buffer))
            {
                if (!budget.Take(n))
                {
                    return (null, budget.Exceeded);
                }

                content.Write(buffer, 0, n);
            }

            return (content.ToArray(), null);
        }
        catch (InvalidDataException e)
        {
            return (null, $"its compressed bytes are damaged: {PdfItems.OneLine(e.Message)}");
        }
    }

    /// <summary>The decoded bytes all of one document's embedded files may take together.</summary>
    private sealed class Budget(long max)
    {
        private long _taken;

        public string Exceeded => $"its embedded files together decode to more than {max >> 20} MiB";

        public bool Take(long bytes) => (_taken += bytes) <= max;
    }
}
