using PortCompliance.Reporting.Model;

namespace PortCompliance.Reporting.Html;

/// <summary>
/// What <c>report.sbn</c> renders: the shared <see cref="ReportModel"/> as it is, plus the few things only a page
/// needs — the inline assets and their policy, chart geometry, and the values the filters match on.
/// </summary>
internal sealed record HtmlPage
{
    public required ReportModel Report { get; init; }

    /// <summary>The <c>Content-Security-Policy</c>: nothing may load, only this page's own style and script may run.</summary>
    public required string ContentSecurityPolicy { get; init; }

    /// <summary>The inline stylesheet and script: the only values a template may write with <c>raw</c>.</summary>
    public required HtmlMarkup Css { get; init; }

    public required HtmlMarkup Script { get; init; }
    public required IReadOnlyList<HostSection> Hosts { get; init; }
    public required Chart SeverityChart { get; init; }

    /// <summary>Every host of the run, in report order, for the host filter (a fleet's too, though its details are elsewhere).</summary>
    public required IReadOnlyList<string> HostNames { get; init; }

    /// <summary>Every rule that raised a finding, for the rule filter.</summary>
    public required IReadOnlyList<string> Rules { get; init; }

    /// <summary>Every finding, waived ones included.</summary>
    public required int FindingCount { get; init; }

    /// <summary>Unparsed lines over every input: the evidence appendix lists them in one table.</summary>
    public required int UnparsedCount { get; init; }

    /// <summary>One host as the page shows it, with how many of its findings are waived.</summary>
    internal sealed record HostSection(HostView View, IReadOnlyList<SocketLine> Sockets, int Waived);

    /// <summary>A socket row with the rules of the findings on it, space-separated, for the rule filter.</summary>
    internal sealed record SocketLine(SocketRow Row, string Rules);

    /// <summary>A horizontal bar chart in SVG user units: its view box, and one bar per severity.</summary>
    internal sealed record Chart(int Width, int Height, IReadOnlyList<Bar> Bars);

    /// <summary>A bar at (<see cref="X"/>, <see cref="Y"/>), its count written at <see cref="LabelX"/>.</summary>
    internal sealed record Bar(string Severity, int Count, int X, int Y, int Width, int LabelX);
}
