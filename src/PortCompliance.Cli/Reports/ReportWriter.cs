using PortCompliance.Reporting.Model;
using PortCompliance.Reporting;

namespace PortCompliance.Cli.Reports;

/// <summary>
/// Runs each chosen renderer into the output folder, each on its own core; one that fails is reported and the others
/// go on. The files are listed in the order the renderers were given.
/// </summary>
internal static class ReportWriter
{
    public static (IReadOnlyList<string> Written, bool AllSucceeded) Write(
        ReportModel model, IReadOnlyList<IReportRenderer> renderers, string folder, CliConsole console)
    {
        var written = new IReadOnlyList<string>[renderers.Count];
        var ok = true;
        var gate = new Lock();
        Parallel.For(0, renderers.Count, i =>
        {
            using var files = new AtomicFiles(folder);
            try
            {
                renderers[i].Render(model, files.Open);
                written[i] = files.Commit();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A renderer failing is a bug or a full disk; say which, keep the other reports.
                lock (gate)
                {
                    console.Error.WriteLine($"portcompliance: the {renderers[i].Key} report could not be written: {e.Message}");
                    ok = false;
                }

                written[i] = [];
            }
        });

        return ([.. written.SelectMany(w => w)], ok);
    }
}
