namespace PortCompliance.Reporting.Pdf.Layout;

/// <summary>A page size and its margins, in points; the header and footer live inside the top and bottom margins.</summary>
internal sealed record PageGeometry(double Width, double Height, double MarginLeft, double MarginRight, double MarginTop, double MarginBottom)
{
    /// <summary>ISO A4 portrait with margins wide enough for binding and for the running header and footer.</summary>
    public static PageGeometry A4 { get; } = new(595.28, 841.89, 50, 50, 66, 58);

    public double BodyWidth => Width - MarginLeft - MarginRight;
    public double BodyBottom => Height - MarginBottom;
}
