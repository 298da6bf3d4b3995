using PortCompliance.Core.Model;
using PortCompliance.Reporting;

namespace PortCompliance.Cli.Commands;

/// <summary>Runs each chosen renderer into the output folder; one that fails is reported and the others go on.</summary>
internal static class ReportWriter
{
    public static (IReadOnlyList<string> Written, bool AllSucceeded) Write(
        ReportModel model, IEnumerable<IReportRenderer> renderers, string folder, CliConsole console)
    {
        var written = new List<string>();
        var ok = true;
        foreach (var renderer in renderers)
        {
            using var files = new AtomicFiles(folder);
            try
            {
                renderer.Render(model, files.Open);
                written.AddRange(files.Commit());
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A renderer failing is a bug or a full disk; say which, keep the other reports.
                console.Error.WriteLine($"portcompliance: the {renderer.Key} report could not be written: {e.Message}");
                ok = false;
            }
        }

        return (written, ok);
    }

    /// <summary>
    /// For a fleet, each host's own PDF and HTML report under <c>hosts/</c>, named by its sanitised anchor — the fleet
    /// summary links to them. Each host's files are committed together; a host that fails is named and the rest go on.
    /// </summary>
    public static (IReadOnlyList<string> Written, bool AllSucceeded) WriteHostReports(
        AuditResult result, ReportModel fleet, ReportOptions options, IEnumerable<IReportRenderer> renderers, string folder, CliConsole console)
    {
        var perHost = renderers.Where(r => r.Key is "pdf" or "html").ToList();
        var written = new List<string>();
        var ok = true;
        if (fleet.Fleet is null || perHost.Count == 0)
        {
            return (written, ok);
        }

        var perHostWritten = new List<string>[result.Hosts.Count];
        var gate = new Lock();
        Progress.Run("writing host reports", result.Hosts.Count, console, done =>
        {
            // Each host's reports are independent documents: render them on every core, collect in host order.
            Parallel.For(0, result.Hosts.Count, i =>
            {
                perHostWritten[i] = [];
                var files = fleet.Fleet.Hosts[i];
                var model = ReportModelBuilder.ForHost(result, result.Hosts[i], options);
                foreach (var renderer in perHost)
                {
                    using var output = new AtomicFiles(folder);
                    try
                    {
                        renderer.Render(model, name => output.Open(name.EndsWith(".pdf", StringComparison.Ordinal) ? files.PdfFile : files.HtmlFile));
                        perHostWritten[i].AddRange(output.Commit());
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        lock (gate)
                        {
                            console.Error.WriteLine($"portcompliance: the {renderer.Key} report of host {result.Hosts[i].Host} could not be written: {e.Message}");
                            ok = false;
                        }
                    }
                }

                done();
            });

            return 0;
        });
        written.AddRange(perHostWritten.SelectMany(w => w));
        return (written, ok);
    }
}
