namespace PortCompliance.Cli;

/// <summary>Where a command reads standard input and writes its output; tests pass their own.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, Func<Stream> OpenStdin)
{
    public static CliConsole System { get; } = new(Console.Out, Console.Error, Console.OpenStandardInput);

    /// <summary>The same console with host text made visible on both streams (<see cref="TerminalText"/>).</summary>
    public CliConsole Visible() => Out is TerminalText ? this : this with { Out = new TerminalText(Out), Error = new TerminalText(Error) };

    /// <summary>Whether errors go to the process's own stderr (where an interactive progress bar may draw).</summary>
    public bool ErrorIsProcessStderr => (Error is TerminalText visible ? visible.Inner : Error) == Console.Error;
}
