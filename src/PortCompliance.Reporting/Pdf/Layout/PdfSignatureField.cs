using System.Globalization;
using System.Text;
using PdfSharp.Pdf;
using PortCompliance.Reporting.Evidence;

namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>
/// A PDF's digital signature (PDF 32000 12.8), in two steps. Before the document is saved, <see cref="Prepare"/> adds a
/// signature field over the visible block on the sign-off page, and a signature dictionary whose <c>/ByteRange</c> and
/// <c>/Contents</c> are placeholders of fixed width. Once the bytes are final (reproducible ids written), <see cref="Sign"/>
/// fills both in place — the byte range is the whole file but the <c>/Contents</c> value, so the signature covers
/// every other byte — and nothing is written after it.
/// </summary>
internal static class PdfSignatureField
{
    // Ten digits each: offsets of a file up to 10 GB, the same width whatever they turn out to be.
    private const string ByteRangePlaceholder = "[0 0000000000 0000000000 0000000000]";
    private static readonly byte[] ByteRangeKey = Encoding.ASCII.GetBytes("/ByteRange" + ByteRangePlaceholder);
    private static readonly byte[] ContentsKey = Encoding.ASCII.GetBytes("/Contents<");

    /// <summary>Adds the field on page <paramref name="pageIndex"/> over <paramref name="box"/> (points from the page's top left).</summary>
    public static void Prepare(PdfDocument document, int pageIndex, (double X, double Top, double Width, double Height) box, ReportSigner signer)
    {
        var page = document.Pages[pageIndex];
        var signature = new PdfDictionary(document);
        signature.Elements.SetName("/Type", "/Sig");
        signature.Elements.SetName("/Filter", "/Adobe.PPKLite");
        signature.Elements.SetName("/SubFilter", "/adbe.pkcs7.detached");
        signature.Elements["/ByteRange"] = new PdfLiteral(ByteRangePlaceholder);
        signature.Elements["/Contents"] = new PdfLiteral($"<{new string('0', 2 * signer.ReservedBytes)}>");
        signature.Elements.SetString("/Name", signer.Name);
        signature.Elements.SetString("/Reason", "Audit report issued by portcompliance");
        signature.Elements.SetDateTime("/M", signer.SigningTime.UtcDateTime);
        document.Internals.AddObject(signature);

        // The block itself is drawn on the page; the field's own appearance is empty, so viewers show the page beneath.
        var appearance = new PdfDictionary(document);
        appearance.Elements.SetName("/Type", "/XObject");
        appearance.Elements.SetName("/Subtype", "/Form");
        appearance.Elements["/BBox"] = new PdfLiteral(Numbers(0, 0, box.Width, box.Height));
        appearance.CreateStream("q Q\n"u8.ToArray());
        document.Internals.AddObject(appearance);
        var appearances = new PdfDictionary(document);
        appearances.Elements["/N"] = appearance.Reference!;

        var bottom = page.Height.Point - box.Top - box.Height;
        var widget = new PdfDictionary(document);
        widget.Elements.SetName("/Type", "/Annot");
        widget.Elements.SetName("/Subtype", "/Widget");
        widget.Elements.SetName("/FT", "/Sig");
        widget.Elements.SetString("/T", "Signature1");
        widget.Elements.SetInteger("/F", 4); // printed
        widget.Elements["/Rect"] = new PdfLiteral(Numbers(box.X, bottom, box.X + box.Width, bottom + box.Height));
        widget.Elements["/P"] = page.Reference!;
        widget.Elements["/V"] = signature.Reference!;
        widget.Elements["/AP"] = appearances;
        document.Internals.AddObject(widget);

        var annotations = page.Elements.GetArray("/Annots");
        if (annotations is null)
        {
            page.Elements["/Annots"] = new PdfArray(document, widget.Reference!);
        }
        else
        {
            annotations.Elements.Add(widget.Reference!);
        }

        var form = new PdfDictionary(document);
        form.Elements["/Fields"] = new PdfArray(document, widget.Reference!);
        form.Elements.SetInteger("/SigFlags", 3); // signatures exist; append only
        document.Internals.Catalog.Elements["/AcroForm"] = form;
    }

    /// <summary>Writes the byte range and the signature into the saved document's placeholders; the bytes are final after this.</summary>
    public static void Sign(byte[] pdf, ReportSigner signer)
    {
        // The signature dictionary is written after the document's text (its info, its pages): the last byte range is ours,
        // and its /Contents follows it.
        var at = pdf.AsSpan().LastIndexOf(ByteRangeKey);
        var contents = at < 0 ? -1 : pdf.AsSpan(at).IndexOf(ContentsKey);
        if (contents < 0)
        {
            throw new InvalidOperationException("the PDF's signature placeholders are missing; it cannot be signed");
        }

        var range = at + "/ByteRange".Length;
        var start = at + contents + "/Contents".Length;
        var end = start + 2 * signer.ReservedBytes + 2;
        var numbers = $"[0 {start} {end} {pdf.Length - end}";
        Encoding.ASCII.GetBytes(numbers.PadRight(ByteRangePlaceholder.Length - 1) + "]").CopyTo(pdf, range);

        var signed = new byte[pdf.Length - (end - start)];
        pdf.AsSpan(0, start).CopyTo(signed);
        pdf.AsSpan(end).CopyTo(signed.AsSpan(start));
        var signature = signer.Sign(signed);
        if (2 * signature.Length > end - start - 2)
        {
            throw new InvalidOperationException($"the signature ({signature.Length} bytes) is larger than the room kept for it ({signer.ReservedBytes})");
        }

        Encoding.ASCII.GetBytes(Convert.ToHexString(signature)).CopyTo(pdf, start + 1);
    }

    private static string Numbers(params double[] values) =>
        $"[{string.Join(' ', values.Select(v => v.ToString("0.##", CultureInfo.InvariantCulture)))}]";
}
