using PdfSharp.Drawing;

namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>
/// Commands, config lines and evidence in a monospace font on a shaded band. Long lines wrap at the band's edge
/// (a bar in the gutter marks a continuation, so a reader can tell a wrap from a new line); the block may break
/// across pages between lines.
/// </summary>
internal sealed class CodeBlock(string text, TextStyle style, XColor shade, double spaceAfter = 6) : IBlock
{
    private const double Pad = 5;
    private readonly WrapCache _cache = new();
    private readonly List<bool> _continued = [];

    public double Height(PageFlow flow) => Lines(flow).Count * style.LineHeight + 2 * Pad + spaceAfter;

    public void Place(PageFlow flow)
    {
        var lines = Lines(flow);
        var brush = new XSolidBrush(shade);
        var gutter = new XPen(XColor.FromArgb(150, 150, 150), 1.2);
        if (flow.Space < Math.Min(lines.Count, 2) * style.LineHeight + 2 * Pad)
        {
            flow.PageBreak();
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var first = i == 0 || flow.AtPageTop;
            var last = i == lines.Count - 1;
            var height = style.LineHeight + (first ? Pad : 0) + (last ? Pad : 0);
            var top = flow.Take(height);
            var (x, width, line, continued) = (flow.Left, flow.Width, lines[i], _continued[i]);
            var textTop = top + (first ? Pad : 0);
            flow.Draw(g =>
            {
                g.DrawRectangle(brush, x, top, width, height);
                if (continued)
                {
                    g.DrawLine(gutter, x + 2.5, textTop + 1.5, x + 2.5, textTop + style.LineHeight - 1.5);
                }

                style.Draw(g, line, x + Pad, textTop);
            });
        }

        flow.Gap(spaceAfter);
    }

    private List<string> Lines(PageFlow flow) => _cache.Get(flow.Width, () =>
    {
        _continued.Clear();
        var lines = new List<string>();
        var columns = flow.Measurer.Columns(style, flow.Width - 2 * Pad);
        foreach (var sourceLine in flow.Measurer.Clean(text, style).Split('\n'))
        {
            var wrapped = LineBreaker.WrapMono(sourceLine, columns);
            lines.AddRange(wrapped);
            _continued.AddRange(wrapped.Select((_, i) => i > 0));
        }

        return lines;
    });
}
