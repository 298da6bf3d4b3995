using PortCompliance.Reporting.Evidence;

namespace PortCompliance.Reporting;

/// <summary>
/// What a report says about itself beyond the audit: who it is for, where templates come from, where its evidence's
/// bytes come from (for the PDF's attachments) and who signs it.
/// </summary>
public sealed record ReportOptions
{
    /// <summary>The organisation named on the cover (<c>--org</c>).</summary>
    public string? Organisation { get; init; }

    /// <summary>A folder with customised copies of <c>templates/</c> (<c>--templates</c>); null uses the built-in ones.</summary>
    public string? TemplatesDirectory { get; init; }

    /// <summary>The bytes of the inputs, policy, inventory and baseline, attached to every PDF; null attaches only results.json.</summary>
    public IEvidenceSource? Evidence { get; init; }

    /// <summary>Signs every PDF (<c>--sign</c>); null leaves them unsigned and byte-reproducible.</summary>
    public ReportSigner? Signer { get; init; }
}
