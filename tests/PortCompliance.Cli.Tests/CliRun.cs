using System.Text;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Cli.Tests;

/// <summary>Runs the real command tree in-process, from the repository root, with captured streams.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun WithStdin(string stdin, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(output, error, () => new MemoryStream(Encoding.UTF8.GetBytes(stdin)));
        var previous = Environment.CurrentDirectory;
        lock (Gate)
        {
            Environment.CurrentDirectory = RepoPaths.Root;
            try
            {
                var code = CliApp.Run(args, console);
                return new CliRun(code, output.ToString(), error.ToString());
            }
            finally
            {
                Environment.CurrentDirectory = previous;
            }
        }
    }

    public static CliRun Of(params string[] args) => WithStdin("", args);

    private static readonly Lock Gate = new();
}
