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
        if (!CheckValue("--host", "a host name", host, console))
        {
            return false;
        }

        if (host is null || inputs.Count == 0 || inputs.Count == 1 && !Directory.Exists(inputs[0]))
        {
            return true;
        }

        console.Error.WriteLine("portcompliance: --host names one host: give exactly one input file (or -)");
        return false;
    }

    /// <summary>
    /// An option's value that is empty, or that starts with <c>-</c>, is a mistake: <c>--out --policy p.yaml</c> takes
    /// <c>--policy</c> for the folder and <c>p.yaml</c> for an input, and the audit runs against the wrong policy.
    /// </summary>
    public static bool CheckValue(string option, string what, string? value, CliConsole console)
    {
        if (value is null)
        {
            return true;
        }

        string? problem = value.Trim().Length == 0 ? $"{option} needs {what}, not an empty value"
            : value.StartsWith("--", StringComparison.Ordinal) ? $"{option} needs {what}, not the option '{value}'"
            : value.StartsWith('-') ? $"{option} needs {what}, not '{value}', which reads as a mistyped option (write ./{value} for a file of that name)"
            : null;
        if (problem is not null)
        {
            console.Error.WriteLine($"portcompliance: {problem}");
        }

        return problem is null;
    }
}
