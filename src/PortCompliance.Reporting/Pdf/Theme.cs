using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PortCompliance.Reporting.Pdf.Fonts;
using PortCompliance.Reporting.Pdf.Layout;

namespace PortCompliance.Reporting.Pdf;

/// <summary>
/// The report's type scale and colours. Severity fills step from dark to pale so they stay apart in grey, and every
/// badge carries its word, because an auditor's printout may be black and white.
/// </summary>
internal sealed class Theme
{
    public static readonly XColor Ink = XColor.FromArgb(26, 26, 26);
    public static readonly XColor Muted = XColor.FromArgb(90, 90, 90);
    public static readonly XColor Accent = XColor.FromArgb(31, 58, 95);
    public static readonly XColor CodeShade = XColor.FromArgb(240, 240, 240);
    public static readonly XColor Rule = XColor.FromArgb(190, 190, 190);
    public static readonly XColor FailShade = XColor.FromArgb(251, 233, 233);
    public static readonly XColor PassShade = XColor.FromArgb(230, 244, 234);
    public static readonly XColor Pass = XColor.FromArgb(24, 110, 52);
    public static readonly XColor NoteShade = XColor.FromArgb(255, 248, 225);

    /// <summary>A gap in a record ("not recorded") or a separation-of-duties flag: bold as well, so it shows in grey too.</summary>
    public static readonly XColor GapInk = XColor.FromArgb(166, 52, 0);

    public Theme()
    {
        Title = Style(24, 31, bold: true, color: Accent);
        Subtitle = Style(13, 18, color: Muted);
        H1 = Style(16, 21, bold: true, color: Accent);
        H2 = Style(11.5, 16, bold: true);
        H3 = Style(9.5, 13.5, bold: true);
        Body = Style(9.5, 13.5);
        BodyBold = Style(9.5, 13.5, bold: true);
        Small = Style(8, 11);
        SmallMuted = Style(8, 11, color: Muted);
        Cell = Style(8, 10.5);
        CellBold = Style(8, 10.5, bold: true);
        CellMono = Style(7.5, 10, mono: true);
        CellGap = Style(8, 10.5, bold: true, color: GapInk);
        SmallGap = Style(8, 11, bold: true, color: GapInk);
        Code = Style(8, 10.5, mono: true);
        Verdict = Style(30, 38, bold: true);
        StatValue = Style(18, 23, bold: true, color: Accent);
        Running = Style(7.5, 10, color: Muted);
        BadgeDark = Style(7, 11.5, bold: true, color: XColors.White);
        BadgeLight = Style(7, 11.5, bold: true);
    }

    public TextStyle Title { get; }
    public TextStyle Subtitle { get; }
    public TextStyle H1 { get; }
    public TextStyle H2 { get; }
    public TextStyle H3 { get; }
    public TextStyle Body { get; }
    public TextStyle BodyBold { get; }
    public TextStyle Small { get; }
    public TextStyle SmallMuted { get; }
    public TextStyle Cell { get; }
    public TextStyle CellBold { get; }
    public TextStyle CellMono { get; }
    public TextStyle CellGap { get; }
    public TextStyle SmallGap { get; }
    public TextStyle Code { get; }
    public TextStyle Verdict { get; }
    public TextStyle StatValue { get; }
    public TextStyle Running { get; }
    public TextStyle BadgeDark { get; }
    public TextStyle BadgeLight { get; }

    /// <summary>The fill for a severity or status word (<c>critical</c> … <c>info</c>, <c>ok</c>, <c>compliant</c>, <c>waived</c>).</summary>
    public static XColor Fill(string status) => status switch
    {
        "critical" => XColor.FromArgb(122, 12, 12),
        "high" => XColor.FromArgb(194, 65, 12),
        "medium" => XColor.FromArgb(242, 178, 51),
        "low" => XColor.FromArgb(251, 227, 142),
        "ok" or "compliant" or "active" or "PASS" => XColor.FromArgb(205, 235, 213),
        "waived" or "expired" => XColor.FromArgb(217, 217, 217),
        "FAIL" => XColor.FromArgb(122, 12, 12),
        _ => XColor.FromArgb(232, 238, 244),
    };

    /// <summary>White text on the two dark fills, black on the rest.</summary>
    public TextStyle BadgeText(string status) => status is "critical" or "high" or "FAIL" ? BadgeDark : BadgeLight;

    public Cell BadgeCell(string status) => Layout.Cell.BadgeOf(status.ToUpperInvariant(), BadgeText(status), Fill(status));

    // Automatic: a line that is all WinAnsi is written as plain bytes, anything else (●, →, non-Latin names) as glyph
    // ids; both share one embedded subset. PDFsharp writes glyph ids as hex one byte at a time through string
    // formatting, which was a tenth of the CPU of a fleet's host reports.
    private static readonly XPdfFontOptions Encoding = new(PdfFontEncoding.Automatic);

    private static TextStyle Style(double size, double lineHeight, bool bold = false, bool mono = false, XColor? color = null) =>
        new(new XFont(mono ? PdfFonts.Mono : PdfFonts.Sans, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Encoding),
            color ?? Ink, lineHeight);
}
