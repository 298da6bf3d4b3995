namespace PortCompliance.Reporting;

/// <summary>What a report says about itself beyond the audit: who it is for and where templates come from.</summary>
public sealed record ReportOptions
{
    /// <summary>The organisation named on the cover (<c>--org</c>).</summary>
    public string? Organisation { get; init; }

    /// <summary>A folder with customised copies of <c>templates/</c> (<c>--templates</c>); null uses the built-in ones.</summary>
    public string? TemplatesDirectory { get; init; }
}
