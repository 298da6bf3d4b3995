namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>
/// Something placed in the flow of pages. <see cref="Height"/> is asked before <see cref="Place"/> (keep-together,
/// keep-with-next), both at the flow's current width; <see cref="Place"/> may break across pages where the block allows.
/// </summary>
internal interface IBlock
{
    double Height(PageFlow flow);

    void Place(PageFlow flow);
}
