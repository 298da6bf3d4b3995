using PortCompliance.Core.Audit;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;

namespace PortCompliance.Cli.Commands;

/// <summary>Reads every input a command was given, telling the user about each problem as it goes.</summary>
internal static class Ingestion
{
    /// <summary>The snapshots and outside scans read, file by file (the batch goes on without an input that cannot be read).</summary>
    public static (IReadOnlyList<HostSnapshot> Snapshots, IReadOnlyList<ExternalScan> Scans) ReadAll(
        IReadOnlyList<string> inputs, string? host, string? format, CliConsole console)
    {
        var (files, _) = Expand(inputs, console);

        // Read in parallel, report in input order: the messages and the hosts come out the same on every run.
        var results = Progress.Run("reading inputs", files.Count, console, done =>
            files.AsParallel().AsOrdered().Select(file =>
            {
                var options = new ListingOptions(file.Path, host, format);
                var result = file.IsStdin ? InputReader.Read(console.OpenStdin(), options) : InputReader.ReadFile(file.Path, options);
                done();
                return result;
            }).ToList());

        var snapshots = results.Select(r => Tell(r, console)).OfType<HostSnapshot>().ToList();
        return (snapshots, [.. results.SelectMany(r => r.Scans)]);
    }

    /// <summary>
    /// The hosts an audit has, named but (but for standard input and nmap files) not read yet; and the inputs that could
    /// not be read, so far. Each host is read when its turn comes in the audit run.
    /// </summary>
    public static (HostInputs Hosts, List<InputProblem> Failed) Plan(
        IReadOnlyList<string> inputs, string? host, string? format, Inventory? inventory, IReadOnlyList<HostSnapshot> extra, CliConsole console)
    {
        var (files, failed) = Expand(inputs, console);
        var plan = Progress.Run("reading inputs", files.Count, console, done =>
            HostInputs.Plan(files, host, format, inventory, console.OpenStdin, extra, done));
        foreach (var scan in plan.Scans)
        {
            Tell(scan, console);
            failed.AddRange(AuditRun.Failures(scan));
        }

        return (plan, failed);
    }

    /// <summary>Tells the user what reading one host's inputs found wrong (call in report order).</summary>
    public static void Tell(HostRead read, CliConsole console)
    {
        foreach (var result in read.Results)
        {
            Tell(result, console);
        }
    }

    private static (IReadOnlyList<InputFile> Files, List<InputProblem> Failed) Expand(IReadOnlyList<string> inputs, CliConsole console)
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

        return (files, failed);
    }

    /// <summary>Tells the user what one input had wrong: its diagnostics and every line it could not read.</summary>
    private static HostSnapshot? Tell(IngestResult result, CliConsole console)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            console.Error.WriteLine(diagnostic);
        }

        if (result.Snapshot is not { } snapshot)
        {
            return null;
        }

        foreach (var line in snapshot.Unparsed)
        {
            console.Error.WriteLine($"{snapshot.Source}:{line.Line}: unparsed: {line.Reason}: {line.Text.Trim()}");
        }

        return snapshot;
    }
}
