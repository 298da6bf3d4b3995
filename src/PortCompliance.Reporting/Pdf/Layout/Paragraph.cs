namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>
/// Flowing text, word-wrapped to the flow's width, breaking across pages between lines. It never leaves a single
/// line of a longer paragraph alone at the bottom of a page.
/// </summary>
internal sealed class Paragraph(string text, TextStyle style, double spaceAfter = 5) : IBlock
{
    private readonly WrapCache _lines = new();

    public double Height(PageFlow flow) => Lines(flow).Count * style.LineHeight + spaceAfter;

    public void Place(PageFlow flow)
    {
        var lines = Lines(flow);
        if (lines.Count > 1 && flow.Space < 2 * style.LineHeight)
        {
            flow.PageBreak();
        }

        foreach (var line in lines)
        {
            var top = flow.Take(style.LineHeight);
            var x = flow.Left;
            flow.Draw(g => style.Draw(g, line, x, top));
        }

        flow.Gap(spaceAfter);
    }

    private List<string> Lines(PageFlow flow) =>
        _lines.Get(flow.Width, () => LineBreaker.Wrap(flow.Measurer.Clean(text, style), style, flow.Width, flow.Measurer));
}
