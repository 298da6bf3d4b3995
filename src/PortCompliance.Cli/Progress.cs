using Spectre.Console;

namespace PortCompliance.Cli;

/// <summary>
/// Progress for long batches, on stderr so reports piped from stdout stay clean: a Spectre.Console bar on an interactive
/// terminal; plain lines, no ANSI codes, when stderr is redirected or under CI. Small batches say nothing.
/// </summary>
internal static class Progress
{
    private const int Worthwhile = 50;

    /// <summary>Runs <paramref name="work"/> over <paramref name="total"/> items, given a thread-safe "one more done" callback.</summary>
    public static T Run<T>(string what, int total, CliConsole console, Func<Action, T> work)
    {
        if (total < Worthwhile)
        {
            return work(() => { });
        }

        if (console.ErrorIsProcessStderr && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null)
        {
            // Said, not detected: Spectre's own detection can decide a real terminal is not interactive (and then draws
            // nothing), and this branch is taken only when stderr is one.
            var terminal = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(Console.Error), Interactive = InteractionSupport.Yes, Ansi = AnsiSupport.Yes,
            });
            return terminal.Progress().AutoClear(true).Start(context =>
            {
                var task = context.AddTask(what, maxValue: total);
                return work(() => task.Increment(1));
            });
        }

        return Plain(what, total, console.Error, work);
    }

    /// <summary>A line at every tenth of the way: readable in a CI log, no cursor tricks.</summary>
    private static T Plain<T>(string what, int total, TextWriter error, Func<Action, T> work)
    {
        var done = 0;
        var lastTenth = 0;
        var gate = new Lock();
        var result = work(() =>
        {
            lock (gate)
            {
                var tenth = ++done * 10 / total;
                if (tenth > lastTenth)
                {
                    lastTenth = tenth;
                    error.WriteLine($"portcompliance: {what}: {done}/{total}");
                }
            }
        });
        return result;
    }
}
