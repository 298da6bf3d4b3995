using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;

namespace PortCompliance.Cli.Commands;

/// <summary>Reads every input a command was given, telling the user about each problem as it goes.</summary>
internal static class Ingestion
{
    /// <summary>The snapshots read, and the inputs that could not be read at all (the batch goes on without them).</summary>
    public static (IReadOnlyList<HostSnapshot> Snapshots, IReadOnlyList<ExternalScan> Scans, IReadOnlyList<InputProblem> Failed) ReadAll(
        IReadOnlyList<string> inputs, string? host, string? format, CliConsole console)
    {
        var (files, problems) = InputSet.Expand(inputs);
        var failed = new List<InputProblem>();
        foreach (var problem in problems)
        {
            console.Error.WriteLine(problem);
            if (problem.Severity == DiagnosticSeverity.Error)
            {
                failed.Add(new InputProblem(problem.File, problem.Line, problem.Message));
            }
        }

        // Read in parallel, report in input order: the messages and the hosts come out the same on every run.
        var results = Progress.Run("reading inputs", files.Count, console, done =>
            files.AsParallel().AsOrdered().Select(file =>
            {
                var options = new ListingOptions(file.Path, host, format);
                var result = file.IsStdin ? InputReader.Read(console.OpenStdin(), options) : InputReader.ReadFile(file.Path, options);
                done();
                return result;
            }).ToList());

        var snapshots = new List<HostSnapshot>(files.Count);
        var scans = new List<ExternalScan>();
        foreach (var result in results)
        {
            scans.AddRange(result.Scans);
            foreach (var diagnostic in result.Diagnostics)
            {
                console.Error.WriteLine(diagnostic);
            }

            if (result.Snapshot is not { } snapshot)
            {
                failed.AddRange(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => new InputProblem(d.File, d.Line, d.Message)));
                continue;
            }

            foreach (var line in snapshot.Unparsed)
            {
                console.Error.WriteLine($"{snapshot.Source}:{line.Line}: unparsed: {line.Reason}: {line.Text.Trim()}");
            }

            snapshots.Add(snapshot);
        }

        return (snapshots, scans, failed);
    }
}
