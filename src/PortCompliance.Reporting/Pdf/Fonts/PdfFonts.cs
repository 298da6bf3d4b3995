using PdfSharp.Fonts;

namespace PortCompliance.Reporting.Pdf.Fonts;

/// <summary>
/// Sets PDFsharp's font resolver up once per process. PDFsharp's font settings are global and may be set only once,
/// hence the lock and the cached outcome.
/// </summary>
internal static class PdfFonts
{
    /// <summary>Logical family names the layout uses; the resolver maps them to the files found.</summary>
    public const string Sans = "PortCompliance Sans";

    public const string Mono = "PortCompliance Mono";

    private static readonly Lock Gate = new();
    private static FontSet? _fonts;

    /// <summary>Finds and registers the fonts, logging the choice once; throws with what to install when none is found.</summary>
    public static FontSet Ensure(TextWriter log)
    {
        lock (Gate)
        {
            if (_fonts is not null)
            {
                return _fonts;
            }

            var search = FontLocator.Find(FontLocator.StandardFolders());
            if (search.Fonts is null)
            {
                log.WriteLine("pdf: " + search.Error);
                throw new InvalidOperationException(search.Error);
            }

            GlobalFontSettings.FontResolver = new SystemFontResolver(search.Fonts);
            log.WriteLine(search.Fonts.Describe());
            _fonts = search.Fonts;
            return _fonts;
        }
    }
}
