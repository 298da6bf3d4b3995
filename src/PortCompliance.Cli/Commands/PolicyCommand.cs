using System.CommandLine;
using PortCompliance.Core.Policy;

namespace PortCompliance.Cli.Commands;

/// <summary><c>portcompliance policy validate FILE…</c> and <c>policy init [FILE]</c>.</summary>
internal static class PolicyCommand
{
    public static Command Create(CliConsole console) => new("policy", "Check policy files, or write a starter policy")
    {
        Validate(console),
        Init(console),
    };

    private static Command Validate(CliConsole console)
    {
        var files = new Argument<string[]>("FILE") { Description = "Policy files to check", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check policy files; every problem is reported as file:line:column") { files };
        command.SetAction(parsed =>
        {
            var failed = false;
            var today = DateOnly.FromDateTime((AuditClock.TryNow(out var now, out _) ? now : TimeProvider.System.GetUtcNow()).UtcDateTime);

            foreach (var file in parsed.GetValue(files)!)
            {
                var result = PolicyLoader.Load(file);
                foreach (var diagnostic in result.Diagnostics)
                {
                    console.Error.WriteLine(diagnostic);
                }

                if (result.Policy is not { } policy)
                {
                    var errors = result.Diagnostics.Count(d => d.Severity == Core.Model.DiagnosticSeverity.Error);
                    console.Error.WriteLine($"{file}: invalid ({errors} error{(errors == 1 ? "" : "s")})");
                    failed = true;
                    continue;
                }

                foreach (var warning in PolicyReview.Warnings(policy, today))
                {
                    console.Error.WriteLine(warning);
                }

                var enabled = policy.Rules.Settings.Where(s => s.Value.Enabled).Select(s => s.Key);
                console.Out.WriteLine(
                    $"{file}: ok — policy '{policy.Id}' ({policy.Title}); rules: {string.Join(", ", enabled)}; " +
                    $"{policy.Groups.Count} group(s), {policy.Waivers.Count} waiver(s); sha256 {policy.Sha256}");
            }

            return failed ? ExitCodes.Usage : ExitCodes.Ok;
        });
        return command;
    }

    private static Command Init(CliConsole console)
    {
        var file = new Argument<string?>("FILE") { Description = "Where to write it (default: standard output)", Arity = ArgumentArity.ZeroOrOne };
        var force = new Option<bool>("--force") { Description = "Overwrite FILE if it exists" };
        var command = new Command("init", "Write a commented starter policy that extends the built-in baseline") { file, force };
        command.SetAction(parsed =>
        {
            var starter = BuiltInResources.Read("policies/starter.yaml");
            var path = parsed.GetValue(file);
            if (path is null)
            {
                console.Out.Write(PolicyText.Decode(starter));
                return ExitCodes.Ok;
            }

            if (File.Exists(path) && !parsed.GetValue(force))
            {
                console.Error.WriteLine($"portcompliance: {path} exists; use --force to overwrite it");
                return ExitCodes.Usage;
            }

            AtomicFiles.Write(path, stream => stream.Write(starter));
            console.Out.WriteLine($"Wrote {path}. Edit it, then check it: portcompliance policy validate {path}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
