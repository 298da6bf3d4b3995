namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>
/// Blocks that start on a new page rather than be split — a finding's header with its message, a signature block.
/// A group taller than a whole page is placed as it comes, breaking where its blocks allow.
/// </summary>
internal sealed class KeepTogether(params IReadOnlyList<IBlock> blocks) : IBlock
{
    public double Height(PageFlow flow) => blocks.Sum(b => b.Height(flow));

    public void Place(PageFlow flow)
    {
        var height = Height(flow);
        if (height > flow.Space && height <= flow.BodyHeight)
        {
            flow.PageBreak();
        }

        foreach (var block in blocks)
        {
            block.Place(flow);
        }
    }
}
