namespace PortCompliance.Reporting.Html;

/// <summary>
/// Markup the renderer built itself from no host data — the page's inline stylesheet and script. Only a value of
/// this type may pass through a template's <c>raw</c>; everything else is text and is escaped.
/// </summary>
internal sealed record HtmlMarkup(string Html)
{
    public override string ToString() => Html;
}
