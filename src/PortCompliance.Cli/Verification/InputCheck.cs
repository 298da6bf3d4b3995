using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Reporting.Evidence;

namespace PortCompliance.Cli.Verification;

/// <summary>
/// The files judged are still the bytes that were judged. Given INPUT (expanded as <c>audit</c> expands it), each file
/// is matched to a source results.json records (<see cref="InputMatch"/>) and hashed; a file the report does not know,
/// or a recorded listing no INPUT gave, is a difference. Without INPUT, and for the policy, inventory and baseline
/// files INPUT did not name, each recorded file is hashed where results.json says it was: one no longer there is a note.
/// </summary>
internal sealed class InputCheck : IFolderCheck
{
    public string Name => "input";

    public string Description => "each input file (INPUT, else where results.json says it was) has the SHA-256 that was judged";

    public IEnumerable<CheckLine> Run(ReportFolder folder)
    {
        var record = folder.Record;
        if (record.Sources is not { } sources)
        {
            var problem = record.Problem ?? $"no {RecordedRun.FileName}";
            yield return folder.Inputs.Count > 0
                ? CheckLine.Fail(Name, string.Join(" ", folder.Inputs), $"cannot be checked: {problem}")
                : CheckLine.Note(Name, RecordedRun.FileName, $"the inputs cannot be checked: {problem}");
            yield break;
        }

        if (!record.InFolder)
        {
            yield return CheckLine.Note(Name, RecordedRun.FileName, $"not in the folder: the inputs are checked against {record.Origin}");
        }

        var lines = folder.Inputs.Count == 0 ? Where(sources.All, folder.IsFleet) : Given(folder, sources);
        foreach (var line in lines)
        {
            yield return line;
        }
    }

    private IEnumerable<CheckLine> Given(ReportFolder folder, RecordedSources sources)
    {
        var (files, diagnostics) = InputSet.Expand(folder.Inputs);
        foreach (var diagnostic in diagnostics)
        {
            yield return diagnostic.Severity == DiagnosticSeverity.Error ? CheckLine.Fail(Name, diagnostic.File, diagnostic.Message) : CheckLine.Note(Name, diagnostic.File, diagnostic.Message);
        }

        var given = files.Select(f => f.Path).Distinct(StringComparer.Ordinal).ToList();
        var match = new InputMatch(given, [.. sources.All.Where(s => s.IsFile || s.Path == "-")]);
        var hashed = given.AsParallel().AsOrdered().Select(file =>
        {
            var problem = "";
            var source = match.Of(file);
            return (File: file, Source: source, Sha256: source is null ? null : Hash(file, folder, out problem), Problem: problem);
        }).ToList();
        foreach (var (file, source, sha256, problem) in hashed)
        {
            yield return source is null ? Unknown(file, match.Tied(file))
                : sha256 is null ? CheckLine.Fail(Name, file, $"{problem} (recorded as {source.Path}, {source.What})")
                : Compare(file, sha256, source, folder.IsFleet);
        }

        var missing = match.Unmatched.Where(s => s.Kind == EvidenceKind.Listing).ToList();
        foreach (var source in missing)
        {
            yield return source.IsFile
                ? CheckLine.Fail(Name, source.Path, $"recorded ({source.What}), but not among the given INPUT")
                : CheckLine.Note(Name, source.Path, RecordedSources.NotAFile(source));
        }

        foreach (var line in Where([.. match.Unmatched.Where(s => s.Kind != EvidenceKind.Listing)], folder.IsFleet))
        {
            yield return line;
        }
    }

    /// <summary>Each recorded source looked for where results.json says it was.</summary>
    private IEnumerable<CheckLine> Where(IReadOnlyList<RecordedSource> recorded, bool fleet) =>
        recorded.AsParallel().AsOrdered().Select(source =>
        {
            if (!source.IsFile)
            {
                return CheckLine.Note(Name, source.Path, RecordedSources.NotAFile(source));
            }

            if (FileHash.Of(source.Path, out var problem) is not { } sha256)
            {
                return problem == "no such file"
                    ? CheckLine.Note(Name, source.Path, $"no longer where {RecordedRun.FileName} says it was ({source.What}): not checked")
                    : CheckLine.Fail(Name, source.Path, $"{problem} ({source.What})");
            }

            return Compare(source.Path, sha256, source, fleet);
        }).ToList();

    /// <summary>Whether a file is the source it was matched to; a fleet's listings that are fold into one line, as its host reports do.</summary>
    private CheckLine Compare(string file, string sha256, RecordedSource source, bool fleet)
    {
        var recordedAs = file == source.Path ? source.What : $"{source.What}, recorded as {source.Path}";
        return sha256 == source.Sha256
            ? CheckLine.Ok(Name, file, $"the bytes judged ({recordedAs})") with { Fold = fleet && source.Kind == EvidenceKind.Listing ? "listings" : null }
            : CheckLine.Fail(Name, file, $"changed since it was judged ({recordedAs}): its SHA-256 is {FileHash.Short(sha256)}, {RecordedRun.FileName} records {FileHash.Short(source.Sha256)}");
    }

    private CheckLine Unknown(string file, IReadOnlyList<RecordedSource> tied) => tied.Count > 0
        ? CheckLine.Fail(Name, file, $"fits {tied.Count} recorded inputs equally ({string.Join(", ", tied.Select(t => t.Path))}): give it as the report recorded it")
        : CheckLine.Fail(Name, file, "not an input of this report: results.json records no such file");

    private static string? Hash(string file, ReportFolder folder, out string problem)
    {
        if (file != InputSet.Stdin)
        {
            return FileHash.Of(file, out problem);
        }

        problem = "";
        using var stdin = folder.OpenStdin();
        return FileHash.Of(stdin);
    }
}
