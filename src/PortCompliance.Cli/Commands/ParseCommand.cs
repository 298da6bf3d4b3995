using System.CommandLine;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;

namespace PortCompliance.Cli.Commands;

/// <summary><c>portcompliance parse INPUT… [--format table|json]</c>: the normalized sockets, no policy.</summary>
internal static class ParseCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = $"{string.Join(" or ", ListingFormats.Keys)} listings: files, folders (read recursively), or - for standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            HelpName = "table|json",
            Description = "Output: table (for people) or json (the normalized-socket document)",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json");
        var inputFormat = CommonOptions.InputFormat();
        var host = CommonOptions.Host();

        var command = new Command("parse", "Print the normalized listening sockets of each input, without a policy")
        {
            inputs, format, inputFormat, host,
        };
        command.SetAction(parsed =>
        {
            var paths = parsed.GetValue(inputs) ?? [];
            var hostName = parsed.GetValue(host);
            if (!CommonOptions.CheckHost(hostName, paths, console))
            {
                return ExitCodes.Usage;
            }

            var (snapshots, scans) = Ingestion.ReadAll(paths, hostName, parsed.GetValue(inputFormat), console);
            foreach (var scan in scans)
            {
                console.Error.WriteLine($"{scan.Source}: nmap scan of {scan.Address} ({scan.Host}): {scan.Ports.Count(p => p.IsOpen)} open port(s); audit it with a listing of the host to compare");
            }

            if (snapshots.Count == 0 && scans.Count == 0)
            {
                console.Error.WriteLine("portcompliance: no input could be read");
                return ExitCodes.Usage;
            }

            if (parsed.GetValue(format) == "json")
            {
                console.Out.Write(SnapshotJson.Serialize(snapshots));
            }
            else
            {
                SocketTable.Write(snapshots, console.Out);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
