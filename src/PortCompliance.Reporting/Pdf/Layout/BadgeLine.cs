using PdfSharp.Drawing;

namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>A badge followed by text that wraps beside it: the first line of a finding (<c>[CRITICAL] F-003 loopback-only …</c>).</summary>
internal sealed class BadgeLine(string badge, TextStyle badgeStyle, XColor fill, string text, TextStyle style, double spaceAfter = 3) : IBlock
{
    private const double Gap = 6;
    private readonly WrapCache _cache = new();

    private double LineHeight => Math.Max(style.LineHeight, badgeStyle.LineHeight);

    public double Height(PageFlow flow) => Lines(flow).Count * LineHeight + spaceAfter;

    public void Place(PageFlow flow)
    {
        var lines = Lines(flow);
        var label = flow.Measurer.Clean(badge, badgeStyle);
        var badgeWidth = Badge.Width(label, badgeStyle, flow.Measurer);
        for (var i = 0; i < lines.Count; i++)
        {
            var (top, x, line, first) = (flow.Take(LineHeight), flow.Left, lines[i], i == 0);
            flow.Draw(g =>
            {
                if (first)
                {
                    Badge.Draw(g, label, badgeStyle, fill, x, top + (LineHeight - badgeStyle.LineHeight) / 2, badgeWidth);
                }

                style.Draw(g, line, x + badgeWidth + Gap, top + (LineHeight - style.LineHeight) / 2);
            });
        }

        flow.Gap(spaceAfter);
    }

    private List<string> Lines(PageFlow flow) => _cache.Get(flow.Width, () =>
    {
        var badgeWidth = Badge.Width(flow.Measurer.Clean(badge, badgeStyle), badgeStyle, flow.Measurer);
        var width = flow.Width - badgeWidth - Gap;
        return LineBreaker.Wrap(flow.Measurer.Clean(text, style), style, width, flow.Measurer);
    });
}
