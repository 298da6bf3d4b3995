using System.CommandLine;
using System.Reflection;
using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;

namespace PortCompliance.Cli.Commands;

/// <summary><c>portcompliance audit [INPUT…]</c>: ingest, evaluate against the policy, write the reports.</summary>
internal static class AuditCommand
{
    /// <summary>Report formats this build writes, by key (the reports issue adds pdf, html and csv).</summary>
    private static readonly string[] Formats = ["json"];

    public static Command Create(CliConsole console)
    {
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "ss or netstat listings: files, folders (read recursively), or - for standard input",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var policy = new Option<string?>("--policy") { Description = "Policy file (default: the built-in baseline, policies/baseline.yaml)" };
        var output = new Option<string>("--out") { Description = "Folder for the reports", DefaultValueFactory = _ => "reports" };
        var formats = new Option<string>("--formats")
        {
            Description = $"Comma-separated report formats: {string.Join(", ", Formats)}",
            DefaultValueFactory = _ => string.Join(",", Formats),
        };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit 1 when a finding at or above this severity is not waived",
            DefaultValueFactory = _ => "high",
        };
        failOn.AcceptOnlyFromAmong([.. Severities.WorstFirst.Select(s => s.Name())]);
        var live = new Option<bool>("--live") { Description = "Audit this machine's live sockets" };
        var inputFormat = CommonOptions.InputFormat();
        var host = CommonOptions.Host();

        var command = new Command("audit", "Audit listening sockets against a policy and write the reports")
        {
            inputs, policy, output, formats, failOn, live, inputFormat, host,
        };
        command.SetAction(parsed =>
        {
            var paths = parsed.GetValue(inputs) ?? [];
            if (paths.Length == 0 || parsed.GetValue(live))
            {
                console.Error.WriteLine("portcompliance: a live scan of this machine is not available in this version; " +
                                        "audit saved listings instead: sudo ss -lntup > host.txt && portcompliance audit host.txt");
                return ExitCodes.Usage;
            }

            var wanted = parsed.GetValue(formats)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (wanted.FirstOrDefault(f => !Formats.Contains(f)) is { } unknown)
            {
                console.Error.WriteLine($"portcompliance: unknown report format '{unknown}' (available: {string.Join(", ", Formats)})");
                return ExitCodes.Usage;
            }

            var hostName = parsed.GetValue(host);
            if (!CommonOptions.CheckHost(hostName, paths, console) || !Severities.TryParse(parsed.GetValue(failOn)!, out var threshold))
            {
                return ExitCodes.Usage;
            }

            if (!AuditClock.TryNow(out var now, out var clockError))
            {
                console.Error.WriteLine($"portcompliance: {clockError}");
                return ExitCodes.Usage;
            }

            var loaded = PolicyLoader.Load(parsed.GetValue(policy) ?? PolicyLoader.BuiltInBaseline);
            foreach (var diagnostic in loaded.Diagnostics)
            {
                console.Error.WriteLine(diagnostic);
            }

            if (loaded.Policy is null)
            {
                console.Error.WriteLine("portcompliance: the policy is invalid; nothing was audited");
                return ExitCodes.Usage;
            }

            var (snapshots, failed) = Ingestion.ReadAll(paths, hostName, parsed.GetValue(inputFormat), console);
            if (snapshots.Count == 0)
            {
                console.Error.WriteLine("portcompliance: no input could be read");
                return ExitCodes.Usage;
            }

            var result = Auditor.Audit(snapshots, failed, loaded.Policy, ServiceCatalogue.BuiltIn, new AuditSettings(now, threshold, Version));
            var folder = parsed.GetValue(output)!;
            var written = new List<string>();
            if (wanted.Contains("json"))
            {
                var path = Path.Combine(folder, "results.json");
                AtomicFile.Write(path, stream => ResultsJson.Write(stream, result));
                written.Add(path);
            }

            AuditSummaryWriter.Write(result, written, console.Out);
            return result.Summary.Verdict == "pass" ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }

    public static string Version { get; } =
        typeof(AuditCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
