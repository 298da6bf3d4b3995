using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace PortCompliance.Reporting.Pdf.Inspection;

/// <summary>
/// Reads a PDF's embedded files and signature dictionaries from its bytes. The file is untrusted: a name tree that
/// loops or nests without end is cut, and embedded files are inflated here, not by PDFsharp, so that together they
/// stop at <see cref="MaxEmbeddedBytes"/> — a few compressed bytes cannot claim the memory of the machine.
/// </summary>
public static class PdfInspector
{
    /// <summary>The most a report attaches: more than that is no report of ours.</summary>
    public const long MaxEmbeddedBytes = Evidence.AttachmentPlan.MaxBytes;

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
            return new PdfInspection([], RawSignatures.Find(pdf), $"not a PDF that can be read: {PdfItems.FirstSentence(e.Message)}");
        }

        using (document)
        {
            try
            {
                return new PdfInspection(EmbeddedFiles.Read(document, MaxEmbeddedBytes), SignatureDictionaries.Read(document), null);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return new PdfInspection([], RawSignatures.Find(pdf), $"a PDF whose structure cannot be followed: {PdfItems.FirstSentence(e.Message)}");
            }
        }
    }
}
