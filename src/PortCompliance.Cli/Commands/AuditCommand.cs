using System.CommandLine;
using System.Reflection;
using PortCompliance.Cli.Reports;
using PortCompliance.Core.Audit;
using PortCompliance.Core.Model;
using PortCompliance.Reporting.Model;

namespace PortCompliance.Cli.Commands;

/// <summary><c>portcompliance audit [INPUT…]</c>: ingest, evaluate against the policy, write the reports.</summary>
internal static class AuditCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new AuditOptions();
        var command = new Command("audit", "Audit listening sockets against a policy and write the reports");
        options.AddTo(command);
        command.SetAction(parsed => options.Read(parsed, console) is { } job ? Run(job, console) : ExitCodes.Usage);
        return command;
    }

    /// <summary>The job as one audit run: hosts named first, then judged and written — combined, or a fleet host by host.</summary>
    private static int Run(AuditJob job, CliConsole console)
    {
        var live = job.ScanLive ? [ScanCommand.LiveScan(job.Inputs.Count == 0 ? job.Host : null, allNamespaces: true, console)] : Array.Empty<HostSnapshot>();
        foreach (var scan in live)
        {
            job.Evidence.Keep(scan);
        }

        var reading = console with { OpenStdin = () => job.Evidence.Keep(console.OpenStdin()) };
        var (plan, failed) = Ingestion.Plan(job.Inputs, job.Host, job.Format, job.Inventory, live, reading);
        var request = new AuditRequest
        {
            Hosts = plan.Hosts, Format = job.Format, Policy = job.Policy, Settings = job.Settings, Baseline = job.Baseline, InputErrors = failed,
        };
        Leftovers.Clean(job.Folder, console); // dead runs' temporary files, before this run writes its own
        var written = FleetView.IsFleet(plan.Hosts.Count)
            ? FleetReports.Write(request, job.Renderers, job.Reports, job.Folder, console)
            : CombinedReports.Write(request, job.Renderers, job.Reports, job.Folder, console);
        if (written.Model is null || written.Result.Summary.Hosts == 0)
        {
            console.Error.WriteLine("portcompliance: no input could be read");
            return ExitCodes.Usage;
        }

        if (!Checksums.Write(job.Folder, [.. written.Files, .. written.HostFiles], console))
        {
            return ExitCodes.Usage;
        }

        return !written.AllWritten ? ExitCodes.Usage : written.Result.Summary.Verdict == Verdict.Pass ? ExitCodes.Ok : ExitCodes.Findings;
    }

    public static string Version { get; } =
        typeof(AuditCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
