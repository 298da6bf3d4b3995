namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>A block kept whole on one page whose place is recorded under a key (<see cref="PageFlow.Places"/>).</summary>
internal sealed class Located(string key, IBlock inner) : IBlock
{
    public double Height(PageFlow flow) => inner.Height(flow);

    public void Place(PageFlow flow)
    {
        var height = inner.Height(flow);
        if (height > flow.Space)
        {
            flow.PageBreak();
        }

        var top = flow.Y;
        inner.Place(flow);
        flow.Locate(key, top, flow.Y - top);
    }
}
