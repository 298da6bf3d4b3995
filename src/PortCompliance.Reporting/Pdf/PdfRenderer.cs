using PortCompliance.Reporting.Model;

namespace PortCompliance.Reporting.Pdf;

/// <summary>
/// <c>report.pdf</c>: the report an auditor reads and signs — cover and verdict, summary, every host with its
/// sockets and findings, controls, waivers, evidence appendix, method and sign-off — with its evidence attached, and
/// signed when the run has a signer. Same model, same bytes (unsigned).
/// </summary>
internal sealed class PdfRenderer(ReportOptions options, TextWriter? log = null) : IReportRenderer
{
    public string Key => "pdf";
    public string Description => "report.pdf, the audit report for auditors";
    public bool InDefaultSet => true;
    public FleetOutput FleetOutput => FleetOutput.PerHost;
    public IReadOnlyList<string> Files => ["report.pdf"];

    public void Render(ReportModel model, Func<string, Stream> open)
    {
        // Laid out in memory first: nothing is written unless the whole document was composed.
        var bytes = PdfReport.Render(model, log ?? Console.Error, options);
        using var stream = open("report.pdf");
        stream.Write(bytes);
    }
}
