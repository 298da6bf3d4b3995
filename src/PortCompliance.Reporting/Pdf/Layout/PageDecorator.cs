using PdfSharp.Drawing;

namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>What the running header and footer say on every page.</summary>
internal sealed record RunningText(string HeaderLeft, string HeaderRight, string FooterLeft);

/// <summary>
/// Draws the running header and footer — the report's title and date above, its id and "Page X of Y" below — on a
/// page whose body is already drawn; it runs once the page count is known.
/// </summary>
internal sealed class PageDecorator(PageGeometry page, RunningText text, TextStyle style, TextMeasurer measurer)
{
    private const double HeaderTop = 26;
    private const double FooterGap = 18;
    private readonly XPen _rule = new(XColor.FromArgb(150, 150, 150), 0.6);
    private readonly string _headerLeft = measurer.Clean(text.HeaderLeft, style);
    private readonly string _headerRight = measurer.Clean(text.HeaderRight, style);
    private readonly string _footerLeft = measurer.Clean(text.FooterLeft, style);

    public void Draw(XGraphics g, int pageIndex, int pageCount)
    {
        var left = page.MarginLeft;
        var right = page.Width - page.MarginRight;
        var headerRightWidth = measurer.Width(_headerRight, style);
        var headerLeftRoom = right - left - headerRightWidth - 12;
        style.Draw(g, Fit(_headerLeft, headerLeftRoom), left, HeaderTop);
        style.Draw(g, _headerRight, right - headerRightWidth, HeaderTop);
        g.DrawLine(_rule, left, HeaderTop + style.LineHeight + 2, right, HeaderTop + style.LineHeight + 2);

        var footerTop = page.Height - page.MarginBottom + FooterGap;
        g.DrawLine(_rule, left, footerTop - 3, right, footerTop - 3);
        var pageText = $"Page {pageIndex + 1} of {pageCount}";
        var pageWidth = measurer.Width(pageText, style);
        style.Draw(g, Fit(_footerLeft, right - left - pageWidth - 12), left, footerTop);
        style.Draw(g, pageText, right - pageWidth, footerTop);
    }

    /// <summary>Running text is one line by design; a very long organisation name is shortened with an ellipsis.</summary>
    private string Fit(string line, double width)
    {
        if (measurer.Width(line, style) <= width)
        {
            return line;
        }

        var cut = line.Length;
        while (cut > 1 && measurer.Width(line[..cut] + "...", style) > width)
        {
            cut--;
        }

        return line[..cut] + "...";
    }
}
