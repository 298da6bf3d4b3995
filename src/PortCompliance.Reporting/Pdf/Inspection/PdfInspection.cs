namespace PortCompliance.Reporting.Pdf.Inspection;

/// <summary>
/// What a PDF carries that an auditor can check: the files embedded in it and its signature dictionaries, as the file
/// holds them. <see cref="Problem"/> says why the file could not be read as a PDF: then no file is given, and the
/// signatures are those found in its bytes alone.
/// </summary>
public sealed record PdfInspection(IReadOnlyList<EmbeddedFile> Files, IReadOnlyList<EmbeddedSignature> Signatures, string? Problem)
{
    public static PdfInspection Unreadable(string problem) => new([], [], problem);
}

/// <summary>
/// One file of a PDF's <c>/EmbeddedFiles</c> name tree: the name it is listed under, its description (<c>/Desc</c>) and
/// its decoded bytes — or, instead of the bytes, why they cannot be given (an unknown filter, over the cap).
/// </summary>
public sealed record EmbeddedFile(string Name, string? Description, byte[]? Content, string? Problem);

/// <summary>
/// One signature dictionary (PDF 32000 12.8.1) as written: the form field it belongs to, its <c>/SubFilter</c>, its
/// <c>/ByteRange</c> numbers as they stand and the bytes of its <c>/Contents</c> string, padding included.
/// </summary>
public sealed record EmbeddedSignature(string Field, string? SubFilter, IReadOnlyList<long> ByteRange, byte[] Contents);
