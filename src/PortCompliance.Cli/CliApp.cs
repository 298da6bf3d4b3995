using System.CommandLine;
using PortCompliance.Cli.Commands;

namespace PortCompliance.Cli;

/// <summary>Composes the commands and maps every outcome, including a crash, to an exit code.</summary>
public static class CliApp
{
    public static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand("PortCompliance: which ports are listening, and is each one allowed?")
        {
            AuditCommand.Create(console),
            ParseCommand.Create(console),
            PolicyCommand.Create(console),
            ScanCommand.Create(console),
        };

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                console.Error.WriteLine($"portcompliance: {error.Message}");
            }

            console.Error.WriteLine("Run 'portcompliance --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return result.Invoke(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e)
        {
            // Expected failures are values; reaching here is a bug, so say so plainly.
            console.Error.WriteLine($"portcompliance: internal error: {e}");
            return ExitCodes.Usage;
        }
    }
}
