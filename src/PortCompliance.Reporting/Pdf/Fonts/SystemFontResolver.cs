using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace PortCompliance.Reporting.Pdf.Fonts;

/// <summary>
/// Serves the two logical families the layout asks for (<see cref="PdfFonts.Sans"/>, <see cref="PdfFonts.Mono"/>)
/// from the files <see cref="FontLocator"/> found. A family without a bold file gets PDFsharp's simulated bold.
/// </summary>
internal sealed class SystemFontResolver(FontSet fonts) : IFontResolver
{
    private readonly ConcurrentDictionary<string, byte[]> _bytes = new(StringComparer.Ordinal);

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var family = familyName == PdfFonts.Mono ? fonts.Mono : familyName == PdfFonts.Sans ? fonts.Sans : null;
        if (family is null)
        {
            return null;
        }

        var prefix = family == fonts.Mono ? "mono" : "sans";
        return bold && family.Bold is null
            ? new FontResolverInfo(prefix + "-regular", mustSimulateBold: true, mustSimulateItalic: false)
            : new FontResolverInfo(prefix + (bold ? "-bold" : "-regular"));
    }

    public byte[]? GetFont(string faceName) => _bytes.GetOrAdd(faceName, face =>
    {
        var family = face.StartsWith("mono", StringComparison.Ordinal) ? fonts.Mono : fonts.Sans;
        var path = face.EndsWith("-bold", StringComparison.Ordinal) ? family.Bold ?? family.Regular : family.Regular;
        return File.ReadAllBytes(path);
    });
}
