using PdfSharp.Drawing;

namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>
/// A section or sub-section title. It is kept with the start of what follows (never alone at a page bottom), may
/// carry an outline bookmark (level 0 for sections, 1 beneath them), and may be underlined.
/// </summary>
internal sealed class Heading(string text, TextStyle style, double spaceBefore = 0, int? bookmarkLevel = null, string? bookmark = null, bool rule = false, string? key = null) : IBlock
{
    private const double KeepWithNext = 56;
    private const double SpaceAfter = 5;
    private const double RuleHeight = 5;
    private readonly WrapCache _cache = new();

    public double Height(PageFlow flow) => Lines(flow).Count * style.LineHeight + SpaceAfter + (rule ? RuleHeight : 0);

    public void Place(PageFlow flow)
    {
        flow.Gap(spaceBefore);
        if (flow.Space < Height(flow) + KeepWithNext)
        {
            flow.PageBreak();
        }

        if (bookmarkLevel is { } level)
        {
            flow.Mark(bookmark ?? text, level, key);
        }

        foreach (var line in Lines(flow))
        {
            var top = flow.Take(style.LineHeight);
            var x = flow.Left;
            flow.Draw(g => style.Draw(g, line, x, top));
        }

        if (rule)
        {
            var (x, width, y) = (flow.Left, flow.Width, flow.Take(RuleHeight) + 1.5);
            var pen = new XPen(style.Color, 1.2);
            flow.Draw(g => g.DrawLine(pen, x, y, x + width, y));
        }

        flow.Gap(SpaceAfter);
    }

    private List<string> Lines(PageFlow flow) =>
        _cache.Get(flow.Width, () => LineBreaker.Wrap(flow.Measurer.Clean(text, style), style, flow.Width, flow.Measurer));
}
