using System.CommandLine;
using System.CommandLine.Parsing;
using PortCompliance.Cli.Commands;
using PortCompliance.Core.Model;

namespace PortCompliance.Cli;

/// <summary>Composes the commands and maps every outcome, including a crash, to an exit code.</summary>
internal static class CliApp
{
    private const string DebugName = "--debug";

    public static int Run(string[] args, CliConsole console)
    {
        console = console.Visible();
        ParseResult? result = null;
        try
        {
            result = BuildRoot(console).Parse(args);
            var errors = UsageErrors(result);
            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    console.Error.WriteLine($"portcompliance: {error}");
                }

                console.Error.WriteLine("Run 'portcompliance --help' for usage.");
                return ExitCodes.Usage;
            }

            return result.Invoke(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e)
        {
            // Expected failures are values; reaching here is a bug, so say so plainly, on one line a script's log keeps
            // whole, and keep the stack trace for whoever asks for it.
            var debug = Environment.GetEnvironmentVariable("PORTCOMPLIANCE_DEBUG") == "1" || result?.GetValue<bool>(DebugName) == true;
            var message = string.Join(' ', e.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var hint = debug ? "" : $" (run with {DebugName} or PORTCOMPLIANCE_DEBUG=1 for the stack trace)";
            console.Error.WriteLine($"portcompliance: internal error: {e.GetType().FullName}: {message}{hint}");
            if (debug)
            {
                console.Error.WriteLine(e.ToString());
            }

            return ExitCodes.Internal;
        }
    }

    /// <summary>The whole command tree, as <see cref="Run"/> parses it; tests walk it to check every option's help.</summary>
    internal static RootCommand BuildRoot(CliConsole console) => new("PortCompliance: which ports are listening, and is each one allowed?")
    {
        AuditCommand.Create(console),
        ParseCommand.Create(console),
        PolicyCommand.Create(console),
        ScanCommand.Create(console),
        VerifyCommand.Create(console),
        new Option<bool>(DebugName)
        {
            Description = "On an internal error, print the stack trace too (as PORTCOMPLIANCE_DEBUG=1 does)",
            Recursive = true,
        },
    };

    /// <summary>
    /// System.CommandLine binds a mistyped <c>--option</c> to a command's arguments as if it were a file (and its value
    /// with it), and reports a mistyped command as several errors; each becomes one line naming the token and what it
    /// probably meant. Those lines replace the parser's own errors, which then only repeat the same mistake.
    /// </summary>
    private static List<string> UsageErrors(ParseResult result)
    {
        var invoked = result.CommandResult;
        var tokens = result.Tokens.ToList();
        var endOfOptions = tokens.FindIndex(t => t.Type == TokenType.DoubleDash);

        // After '--' every token is an argument, so 'audit -- -odd-name.txt' still reads that file.
        bool BeforeEndOfOptions(Token token) => endOfOptions < 0 || tokens.FindIndex(t => ReferenceEquals(t, token)) < endOfOptions;

        var options = Chain(invoked)
            .SelectMany(c => c.Command.Options.Where(o => !o.Hidden && (c == invoked || o.Recursive)))
            .SelectMany(o => o.Aliases.Prepend(o.Name))
            .ToList();
        var optionLike = Chain(invoked)
            .SelectMany(c => c.Command.Arguments)
            .SelectMany(a => result.GetResult(a)?.Tokens ?? [])
            .Where(BeforeEndOfOptions)
            .Select(t => t.Value)
            .Concat(result.UnmatchedTokens.Where(u => tokens.Any(t => t.Value == u && BeforeEndOfOptions(t))))
            .Where(IsOptionLike)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (optionLike.Count > 0)
        {
            return [.. optionLike.Select(token => Unknown("option", token, options))];
        }

        var commands = invoked.Command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name)).ToList();
        if (commands.Count > 0 && result.UnmatchedTokens.Count > 0)
        {
            return [Unknown("command", result.UnmatchedTokens[0], commands)];
        }

        return [.. result.Errors.Select(e => e.Message)];
    }

    private static IEnumerable<CommandResult> Chain(CommandResult command)
    {
        for (SymbolResult? current = command; current is CommandResult c; current = c.Parent)
        {
            yield return c;
        }
    }

    /// <summary>A lone <c>-</c> is standard input, not an option.</summary>
    private static bool IsOptionLike(string token) => token.Length > 1 && token[0] == '-';

    private static string Unknown(string kind, string token, IEnumerable<string> candidates)
    {
        // Within two edits, and fewer for short words, or any three-letter word would "mean" --org or --out.
        var near = Spelling.Nearest(token, candidates, Math.Min(2, token.TrimStart('-').Length / 2));
        return near is null ? $"unknown {kind} '{token}'" : $"unknown {kind} '{token}'; did you mean '{near}'?";
    }
}
