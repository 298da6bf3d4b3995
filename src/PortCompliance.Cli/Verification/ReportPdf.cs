using PortCompliance.Core.Model;
using PortCompliance.Reporting.Pdf.Inspection;

namespace PortCompliance.Cli.Verification;

/// <summary>
/// One PDF of the report folder, read whole and inspected once for every PDF check. A file too large to be one of our
/// reports, or one that cannot be read, comes with an inspection that says why.
/// </summary>
internal sealed record ReportPdf(FolderFile File, byte[] Bytes, PdfInspection Inspection)
{
    /// <summary>Far above any report (whose attachments stop at 64 MiB): a file this large is not read into memory.</summary>
    public const long MaxBytes = 512L << 20;

    /// <summary>A host report of a fleet (under <c>hosts/</c>), whose results.json holds its host alone.</summary>
    public bool IsHostReport => File.InHosts;

    public static ReportPdf Read(FolderFile file)
    {
        try
        {
            return RegularFiles.ReadAll(file.Path, MaxBytes, "the PDF", out var problem) is { } bytes
                ? new ReportPdf(file, bytes, PdfInspector.Read(bytes))
                : new ReportPdf(file, [], PdfInspection.Unreadable(problem));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ReportPdf(file, [], PdfInspection.Unreadable($"cannot be read: {e.Message}"));
        }
    }
}
