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
}
