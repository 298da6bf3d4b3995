using System.IO.Compression;
using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace PortCompliance.Reporting.Pdf.Inspection;

/// <summary>
/// Reads a PDF's embedded files and signature dictionaries from its bytes. The file is untrusted: a name tree that
/// loops or nests without end is cut, and embedded files are inflated here, not by PDFsharp, so that together they
/// stop at <see cref="MaxEmbeddedBytes"/> — a few compressed bytes cannot claim the memory of the machine.
/// </summary>
public static class PdfInspector
{
    /// <summary>The most a report attaches (docs/design.md): more than that is no report of ours.</summary>
    public const long MaxEmbeddedBytes = 64L << 20;

    private const int MaxTreeDepth = 32;

    public static PdfInspection Read(byte[] pdf)
    {
        PdfDocument document;
        try
        {
            document = PdfReader.Open(new MemoryStream(pdf, writable: false), PdfDocumentOpenMode.Import);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // PDFsharp's reader throws many kinds of exception for a malformed file; each is the same answer here. Its
            // signatures can still be checked: they are found in the bytes.
            return new PdfInspection([], RawSignatures.Find(pdf), $"not a PDF that can be read: {FirstSentence(e.Message)}");
        }

        using (document)
        {
            try
            {
                return new PdfInspection(EmbeddedFiles(document), Signatures(document), null);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return new PdfInspection([], RawSignatures.Find(pdf), $"a PDF whose structure cannot be followed: {FirstSentence(e.Message)}");
            }
        }
    }

    private static List<EmbeddedFile> EmbeddedFiles(PdfDocument document)
    {
        var files = new List<EmbeddedFile>();
        var tree = document.Internals.Catalog.Elements.GetDictionary("/Names")?.Elements.GetDictionary("/EmbeddedFiles");
        if (tree is not null)
        {
            var budget = new Budget(MaxEmbeddedBytes);
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
                var name = Resolve(names.Elements[i]) is PdfString key ? key.Value : "(unnamed)";
                files.Add(Resolve(names.Elements[i + 1]) is PdfDictionary specification
                    ? File(name, specification, budget)
                    : new EmbeddedFile(name, null, null, "its entry is no file specification"));
            }
        }

        foreach (var kid in node.Elements.GetArray("/Kids")?.Elements ?? Enumerable.Empty<PdfItem>())
        {
            if (Resolve(kid) is PdfDictionary child)
            {
                Walk(child, files, budget, seen, depth + 1);
            }
        }
    }

    private static EmbeddedFile File(string name, PdfDictionary specification, Budget budget)
    {
        var description = specification.Elements["/Desc"] is null ? null : specification.Elements.GetString("/Desc");
        var stream = specification.Elements.GetDictionary("/EF") is { } ef ? Resolve(ef.Elements["/F"] ?? ef.Elements["/UF"]) as PdfDictionary : null;
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
        var filter = Resolve(stream.Elements["/Filter"]) switch
        {
            null => "",
            PdfName one => one.Value,
            PdfArray { Elements.Count: 0 } => "",
            PdfArray { Elements.Count: 1 } array => (Resolve(array.Elements[0]) as PdfName)?.Value ?? "?",
            _ => "a chain of filters",
        };
        if (filter is not ("" or "/FlateDecode") || Resolve(stream.Elements["/DecodeParms"]) is PdfDictionary)
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
            return (null, $"its compressed bytes are damaged: {OneLine(e.Message)}");
        }
    }

    private static List<EmbeddedSignature> Signatures(PdfDocument document)
    {
        var fields = new Dictionary<PdfDictionary, string>();
        foreach (var field in document.Internals.Catalog.Elements.GetDictionary("/AcroForm")?.Elements.GetArray("/Fields")?.Elements ?? Enumerable.Empty<PdfItem>())
        {
            NameFields(Resolve(field) as PdfDictionary, "", fields, 0);
        }

        // Every signature dictionary in the file, whether a form field names it or not: one hidden from the form still counts.
        var signatures = new List<EmbeddedSignature>();
        foreach (var dictionary in document.Internals.GetAllObjects().OfType<PdfDictionary>())
        {
            if (dictionary.Elements.GetArray("/ByteRange") is { } range && Resolve(dictionary.Elements["/Contents"]) is PdfString contents)
            {
                signatures.Add(new EmbeddedSignature(
                    fields.GetValueOrDefault(dictionary, "(no form field)"),
                    (Resolve(dictionary.Elements["/SubFilter"]) as PdfName)?.Value.TrimStart('/'),
                    [.. range.Elements.Select(e => Resolve(e) switch { PdfInteger i => i.Value, PdfLongInteger l => l.Value, _ => -1L })],
                    Encoding.Latin1.GetBytes(contents.Value)));
            }
        }

        return signatures;
    }

    /// <summary>Fully qualified field names (<c>parent.child</c>) of the signature values the form's fields hold.</summary>
    private static void NameFields(PdfDictionary? field, string parent, Dictionary<PdfDictionary, string> names, int depth)
    {
        if (field is null || depth > MaxTreeDepth)
        {
            return;
        }

        var own = field.Elements["/T"] is null ? "" : field.Elements.GetString("/T");
        var name = parent.Length == 0 ? own : own.Length == 0 ? parent : $"{parent}.{own}";
        if (Resolve(field.Elements["/V"]) is PdfDictionary value)
        {
            names.TryAdd(value, name);
        }

        foreach (var kid in field.Elements.GetArray("/Kids")?.Elements ?? Enumerable.Empty<PdfItem>())
        {
            NameFields(Resolve(kid) as PdfDictionary, name, names, depth + 1);
        }
    }

    private static PdfItem? Resolve(PdfItem? item) => item is PdfReference reference ? reference.Value : item;

    /// <summary>PDFsharp's messages go on with a link and an excerpt of the file: the first sentence is the reason.</summary>
    private static string FirstSentence(string text) => OneLine(text).Split(". ")[0].TrimEnd('.');

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The decoded bytes all of one document's embedded files may take together.</summary>
    private sealed class Budget(long max)
    {
        private long _taken;

        public string Exceeded => $"its embedded files together decode to more than {max >> 20} MiB";

        public bool Take(long bytes) => (_taken += bytes) <= max;
    }
}
