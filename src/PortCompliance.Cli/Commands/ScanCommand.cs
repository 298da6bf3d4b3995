using System.CommandLine;
using PortCompliance.Core.Ingest.Live;
using PortCompliance.Core.Model;

namespace PortCompliance.Cli.Commands;

/// <summary><c>portcompliance scan [--format table|json]</c>: this machine's listening sockets, printed like <c>parse</c>.</summary>
internal static class ScanCommand
{
    public static Command Create(CliConsole console)
    {
        var format = new Option<string>("--format")
        {
            HelpName = "table|json",
            Description = "Output: table (for people) or json (the normalized-socket document)",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json");
        var host = CommonOptions.Host();
        var allNamespaces = new Option<bool>("--all-namespaces")
        {
            Description = "Also scan every other network namespace (containers, ip netns), labelling each socket with it",
        };

        var command = new Command("scan", "List this machine's listening sockets from the kernel (run as root to see every owner)")
        {
            format, host, allNamespaces,
        };
        command.SetAction(parsed =>
        {
            var snapshot = LiveScan(parsed.GetValue(host), parsed.GetValue(allNamespaces), console);
            if (parsed.GetValue(format) == "json")
            {
                console.Out.Write(SnapshotJson.Serialize([snapshot]));
            }
            else
            {
                SocketTable.Write([snapshot], console.Out);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Scans and tells the user when owners are missing because the scan did not run as root.</summary>
    public static HostSnapshot LiveScan(string? host, bool allNamespaces, CliConsole console)
    {
        var snapshot = LiveScanner.Scan(host ?? Environment.MachineName, allNamespaces);
        var unknown = snapshot.Sockets.Count(s => s.Processes.Count == 0);
        if (unknown > 0 && !Environment.IsPrivilegedProcess)
        {
            console.Error.WriteLine($"portcompliance: {unknown} socket(s) show no process: run as root to see every owner (sudo portcompliance …)");
        }

        return snapshot;
    }
}
