namespace PortCompliance.Reporting;

/// <summary>How a format is written when one run audits a fleet of hosts.</summary>
public enum FleetOutput
{
    /// <summary>A fleet summary document, plus one document per host under <c>hosts/</c> (PDF, HTML).</summary>
    PerHost,

    /// <summary>
    /// One set of files holding every host, written host by host as each is judged (JSON, CSV, JUnit). Such a renderer
    /// is an <see cref="IStreamingRenderer"/>; <see cref="ReportRenderers"/> refuses one that is not.
    /// </summary>
    Streamed,
}
