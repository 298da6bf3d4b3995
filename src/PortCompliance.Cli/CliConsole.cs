namespace PortCompliance.Cli;

/// <summary>Where a command reads standard input and writes its output; tests pass their own.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, Func<Stream> OpenStdin)
{
    public static CliConsole System { get; } = new(Console.Out, Console.Error, Console.OpenStandardInput);
}
