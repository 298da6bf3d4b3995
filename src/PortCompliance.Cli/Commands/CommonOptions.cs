using System.CommandLine;
using PortCompliance.Core.Ingest;

namespace PortCompliance.Cli.Commands;

/// <summary>Options shared by the commands that read listings.</summary>
internal static class CommonOptions
{
    public static Option<string?> InputFormat()
    {
        var option = new Option<string?>("--input-format")
        {
            HelpName = "FORMAT",
            Description = $"Skip format detection and read every input as: {ListingFormats.Describe()}",
        };
        option.AcceptOnlyFromAmong([.. InputReader.Formats]);
        return option;
    }

    public static Option<string?> Host() => new("--host")
    {
        HelpName = "NAME",
        Description = "Host name for a single input or standard input (default: '# host: NAME' line, else the file name)",
    };

    /// <summary>One name cannot belong to many hosts: <c>--host</c> needs one input file, or none (the live scan).</summary>
    public static bool CheckHost(string? host, IReadOnlyList<string> inputs, CliConsole console)
    {
        if (host is null || inputs.Count == 0 || inputs.Count == 1 && !Directory.Exists(inputs[0]))
        {
            return true;
        }

        console.Error.WriteLine("portcompliance: --host names one host: give exactly one input file (or -)");
        return false;
    }
}
