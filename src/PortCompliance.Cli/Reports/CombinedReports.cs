using PortCompliance.Core.Audit;
using PortCompliance.Reporting;
using PortCompliance.Reporting.Model;

namespace PortCompliance.Cli.Reports;

/// <summary>A small run's reports: the run kept whole, then one combined report per format, each host a section in it.</summary>
internal static class CombinedReports
{
    public static ReportsWritten Write(
        AuditRequest request, IReadOnlyList<IReportRenderer> renderers, ReportOptions options, string folder, CliConsole console)
    {
        var result = AuditRun.Whole(request, new ConsoleObserver(console, () => { }));
        if (result.Hosts.Count == 0)
        {
            return new ReportsWritten(result, null, [], false);
        }

        var model = ReportModelBuilder.Build(result, options);
        var (written, allWritten) = ReportWriter.Write(model, renderers, folder, console);
        if (written.Count > 0 && renderers.Any(r => r.FleetOutput == FleetOutput.PerHost))
        {
            Leftovers.Retire(folder); // a previous fleet's host reports must not sit beside this run's report
        }

        AuditSummaryWriter.Write(result, model, written, console.Out);
        return new ReportsWritten(result, model, written, allWritten);
    }
}
