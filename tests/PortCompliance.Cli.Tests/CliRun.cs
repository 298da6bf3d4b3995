using System.Text;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Cli.Tests;

/// <summary>
/// Runs the real command tree in-process, from the repository root, with captured streams. Runs are serialized:
/// they change the process's working directory and, when asked, its environment.
/// </summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    private static readonly Lock Gate = new();

    public static CliRun Of(params string[] args) => With("", new Dictionary<string, string?>(), args);

    public static CliRun WithStdin(string stdin, params string[] args) => With(stdin, new Dictionary<string, string?>(), args);

    public static CliRun With(string stdin, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        With(new StringWriter { NewLine = "\n" }, stdin, environment, args);

    /// <summary>Runs with <paramref name="output"/> as standard output, to see what a failing stdout does.</summary>
    public static CliRun With(TextWriter output, string stdin, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(output, error, () => new MemoryStream(Encoding.UTF8.GetBytes(stdin)));
        lock (Gate)
        {
            var previousDirectory = Environment.CurrentDirectory;
            var previousEnvironment = environment.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
            Environment.CurrentDirectory = RepoPaths.Root;
            foreach (var (name, value) in environment)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            try
            {
                var code = CliApp.Run(args, console);
                return new CliRun(code, output is StringWriter captured ? captured.ToString() : "", error.ToString());
            }
            finally
            {
                Environment.CurrentDirectory = previousDirectory;
                foreach (var (name, value) in previousEnvironment)
                {
                    Environment.SetEnvironmentVariable(name, value);
                }
            }
        }
    }
}
