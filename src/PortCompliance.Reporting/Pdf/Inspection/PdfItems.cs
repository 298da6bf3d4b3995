using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace PortCompliance.Reporting.Pdf.Inspection;

/// <summary>Small helpers the PDF readers share: an item behind its reference, PDFsharp's messages on one line.</summary>
internal static class PdfItems
{
    public static PdfItem? Resolve(PdfItem? item) => item is PdfReference reference ? reference.Value : item;

    /// <summary>PDFsharp's messages go on with a link and an excerpt of the file: the first sentence is the reason.</summary>
    public static string FirstSentence(string text) => OneLine(text).Split(". ")[0].TrimEnd('.');

    public static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
