using PdfSharp.Drawing;

namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>Small blocks that steer the flow rather than show content: page breaks, bookmarks, rules, indents.</summary>
internal static class Flow
{
    public static IBlock PageBreak() => new Step(0, f => f.PageBreak());

    /// <summary>An outline entry with no heading of its own (the "Hosts" parent of every host's bookmark).</summary>
    public static IBlock Bookmark(string title, int level) => new Step(0, f => f.Mark(title, level));

    /// <summary>An outline entry that opens another PDF, by a path relative to this one (a fleet host's own report).</summary>
    public static IBlock FileBookmark(string title, int level, string file) => new Step(0, f => f.MarkFile(title, level, file));

    public static IBlock Space(double height) => new Step(height, f => f.Gap(height));

    /// <summary>A thin horizontal line across the flow, between findings.</summary>
    public static IBlock Rule(XColor color, double spaceAround = 6) => new Step(2 * spaceAround, f =>
    {
        f.Gap(spaceAround);
        var (x, width, y) = (f.Left, f.Width, f.Take(0.5));
        var pen = new XPen(color, 0.5);
        f.Draw(g => g.DrawLine(pen, x, y, x + width, y));
        f.Gap(spaceAround);
    });

    public static IBlock Indent(double left, params IReadOnlyList<IBlock> blocks) => new Indented(left, blocks);

    private sealed class Step(double height, Action<PageFlow> place) : IBlock
    {
        public double Height(PageFlow flow) => height;

        public void Place(PageFlow flow) => place(flow);
    }

    private sealed class Indented(double left, IReadOnlyList<IBlock> blocks) : IBlock
    {
        public double Height(PageFlow flow)
        {
            using (flow.Inset(left, 0))
            {
                return blocks.Sum(b => b.Height(flow));
            }
        }

        public void Place(PageFlow flow)
        {
            using (flow.Inset(left, 0))
            {
                foreach (var block in blocks)
                {
                    block.Place(flow);
                }
            }
        }
    }
}
