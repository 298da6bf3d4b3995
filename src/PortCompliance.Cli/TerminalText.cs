using System.Text;
using PortCompliance.Core.Model;

namespace PortCompliance.Cli;

/// <summary>
/// Everything the CLI writes to stdout and stderr goes through here, because process names, host names, unparsed
/// lines and diagnostics quote what a host sent: an ESC or BEL in them would set the window title, write the clipboard
/// (OSC 52) or recolour the terminal. Each control, bidi override and other hidden character is written out
/// (<c>\x1b</c>, <c>\u202E</c>; <see cref="VisibleText"/>); only line feed and tab reach the terminal as themselves.
/// The progress bar, which draws with escapes of its own, writes to the real stderr and never through here.
/// </summary>
internal sealed class TerminalText(TextWriter inner) : TextWriter
{
    private const string Keep = "\t\n";

    public TextWriter Inner { get; } = inner;

    public override Encoding Encoding => Inner.Encoding;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => Inner.NewLine;
        set => Inner.NewLine = value;
    }

    public static string Escape(string text) => VisibleText.Escape(text, Keep);

    public override void Write(char value)
    {
        // Half a surrogate pair passes: written one char at a time, a pair arrives in two calls.
        if (VisibleText.IsHidden(value) && !char.IsSurrogate(value) && !Keep.Contains(value, StringComparison.Ordinal))
        {
            Inner.Write(Escape(value.ToString()));
        }
        else
        {
            Inner.Write(value);
        }
    }

    public override void Write(string? value) => Inner.Write(value is null ? null : Escape(value));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Write(new string(buffer));

    public override void WriteLine(string? value) => Inner.WriteLine(value is null ? null : Escape(value));

    public override void WriteLine() => Inner.WriteLine();

    public override void Flush() => Inner.Flush();

    protected override void Dispose(bool disposing)
    {
        // The inner writer is the caller's (the process's stdout, a test's StringWriter): it outlives this view of it.
        if (disposing)
        {
            Inner.Flush();
        }

        base.Dispose(disposing);
    }
}
