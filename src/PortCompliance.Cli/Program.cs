namespace PortCompliance.Cli;

/// <summary>The thin host: everything lives in <see cref="CliApp"/> so tests can run it in-process.</summary>
internal static class Program
{
    public static int Main(string[] args) => CliApp.Run(args, CliConsole.System);
}
