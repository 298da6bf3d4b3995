namespace PortCompliance.Cli;

/// <summary>The thin host: everything lives in <see cref="CliApp"/> so tests can run it in-process.</summary>
public static class Program
{
    public static int Main(string[] args) => CliApp.Run(args, CliConsole.System);
}
