namespace PortCompliance.Cli;

/// <summary>Where a command reads standard input and writes its output; tests pass their own.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, Func<Stream> OpenStdin)
{
    public static CliConsole System { get; } = new(StandardOutput(), Console.Error, Console.OpenStandardInput);

    /// <summary>The same console with host text made visible on both streams (<see cref="TerminalText"/>).</summary>
    public CliConsole Visible() => Out is TerminalText ? this : this with { Out = new TerminalText(Out), Error = new TerminalText(Error) };

    /// <summary>
    /// Standard output flushed after every write, as the console's own, but through a 64 KiB buffer instead of 256
    /// bytes: `scan --format json` of 5,000 sockets was 6,700 write calls, a quarter of its time (strace -c). Windows keeps
    /// the console's writer, which knows its code page.
    /// </summary>
    private static TextWriter StandardOutput() => OperatingSystem.IsWindows()
        ? Console.Out
        : TextWriter.Synchronized(new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = true });

    /// <summary>Whether errors go to the process's own stderr (where an interactive progress bar may draw).</summary>
    public bool ErrorIsProcessStderr => (Error is TerminalText visible ? visible.Inner : Error) == Console.Error;
}
