using PortCompliance.Reporting.Evidence;
using PortCompliance.Reporting.Model;
using PortCompliance.Reporting.Pdf;

namespace PortCompliance.Reporting.Tests.Support;

/// <summary>Runs the PDF renderer as the CLI does, into memory, keeping what it logs.</summary>
internal static class Render
{
    public static (byte[] Pdf, string Log) Pdf(ReportModel model, ReportSigner? signer = null)
    {
        var log = new StringWriter();
        var files = new Dictionary<string, MemoryStream>();
        new PdfRenderer(new ReportOptions { Evidence = RepoEvidence.Instance, Signer = signer }, log).Render(model, name => files[name] = new MemoryStream());
        return (Assert.Single(files, f => f.Key == "report.pdf").Value.ToArray(), log.ToString());
    }
}
