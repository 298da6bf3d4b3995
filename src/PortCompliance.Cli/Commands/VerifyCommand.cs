using System.CommandLine;
using PortCompliance.Cli.Reports;
using PortCompliance.Cli.Verification;
using PortCompliance.Core.Ingest;
using PortCompliance.Reporting;

namespace PortCompliance.Cli.Commands;

/// <summary><c>portcompliance verify DIR [INPUT…]</c>: re-checks a report folder — SHA256SUMS, signatures, attached evidence, inputs.</summary>
internal static class VerifyCommand
{
    public static Command Create(CliConsole console)
    {
        var folder = new Argument<string>("DIR") { Description = $"A report folder audit wrote (its --out). Checks, in order: {ReportChecks.Describe()}" };
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "The listings judged, as given to audit (files, folders, or - for standard input); none: look where results.json says they were",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("verify", $"Re-check a report folder ({string.Join(", ", ReportChecks.Create().Select(c => c.Name))}): exit 0 when every check holds, 1 when anything differs")
        {
            folder, inputs,
        };
        command.SetAction(parsed => Run(parsed.GetValue(folder)!, parsed.GetValue(inputs) ?? [], console));
        return command;
    }

    private static int Run(string root, IReadOnlyList<string> inputs, CliConsole console)
    {
        if (!CommonOptions.CheckValue("DIR", "a report folder", root, console))
        {
            return ExitCodes.Usage;
        }

        if (!Directory.Exists(root))
        {
            console.Error.WriteLine($"portcompliance: {root}: {(File.Exists(root) ? "a file, not a report folder" : "no such folder")}");
            return ExitCodes.Usage;
        }

        var missing = inputs.Where(i => i != InputSet.Stdin && !File.Exists(i) && !Directory.Exists(i)).ToList();
        foreach (var input in missing)
        {
            console.Error.WriteLine($"portcompliance: {input}: no such file or folder");
        }

        if (missing.Count > 0)
        {
            return ExitCodes.Usage;
        }

        var report = new ReportFolder(root, inputs, console.OpenStdin);
        var reportNames = ReportRenderers.Create(new ReportOptions()).SelectMany(r => r.Files);
        if (!report.HoldsAnything(reportNames))
        {
            console.Error.WriteLine($"portcompliance: {root} holds no {Checksums.FileName} and no report: nothing to verify");
            return ExitCodes.Usage;
        }

        var lines = Verifier.Run(report, ReportChecks.Create(), console);
        return VerifyReport.Write(lines, console.Out) ? ExitCodes.Ok : ExitCodes.Differs;
    }
}
