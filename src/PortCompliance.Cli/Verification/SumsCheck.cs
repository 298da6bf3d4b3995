using PortCompliance.Cli.Reports;
using PortCompliance.Core.Model;

namespace PortCompliance.Cli.Verification;

/// <summary>
/// Every file SHA256SUMS lists still has the SHA-256 it lists, and every file of the folder (and of <c>hosts/</c>) is
/// listed: a file changed, gone, swapped for a FIFO, or added since the audit wrote the folder is a difference.
/// </summary>
internal sealed class SumsCheck : IFolderCheck
{
    public string Name => Checksums.FileName;

    public string Description => $"each file {Checksums.FileName} lists has its SHA-256, and each file of the folder is listed";

    public IEnumerable<CheckLine> Run(ReportFolder folder)
    {
        var sums = folder.PathOf(Checksums.FileName);
        if (RegularFiles.ReadAll(sums, SumsFile.MaxBytes, Checksums.FileName, out var unreadable) is not { } bytes)
        {
            var missing = unreadable == "no such file";
            yield return CheckLine.Fail(Name, Checksums.FileName, missing ? "missing: nothing lists the files the audit wrote" : unreadable);
            yield break;
        }

        var (entries, problems) = SumsFile.Parse(bytes);
        foreach (var (line, problem) in problems)
        {
            yield return CheckLine.Fail(Name, $"{Checksums.FileName}:{line}", problem);
        }

        var listed = entries.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        var checks = entries.Select(e => (e.Path, Entry: (SumsEntry?)e))
            .Concat(folder.Files.Where(f => !listed.Contains(f.Relative)).Select(f => (Path: f.Relative, Entry: (SumsEntry?)null)))
            .OrderBy(c => c.Path, StringComparer.Ordinal)
            .ToList();
        var files = folder.Files.ToDictionary(f => f.Relative, StringComparer.Ordinal);
        foreach (var line in checks.AsParallel().AsOrdered().Select(c => Check(c.Entry, files.GetValueOrDefault(c.Path) ?? Outside(folder, c.Path))).ToList())
        {
            yield return line;
        }
    }

    private CheckLine Check(SumsEntry? entry, FolderFile file)
    {
        if (entry is null)
        {
            return CheckLine.Fail(Name, file.Relative, file.Problem is { } kind ? $"not listed in {Checksums.FileName} ({kind})" : $"not listed in {Checksums.FileName}: added after the audit").For(file);
        }

        if (FileHash.Of(file.Path, out var problem) is not { } sha256)
        {
            return CheckLine.Fail(Name, file.Relative, problem == "no such file" ? "listed, but missing" : problem).For(file);
        }

        return sha256 == entry.Sha256
            ? CheckLine.Ok(Name, file.Relative, "SHA-256 as listed").For(file)
            : CheckLine.Fail(Name, file.Relative, $"changed: its SHA-256 is {FileHash.Short(sha256)}, {Checksums.FileName} lists {FileHash.Short(entry.Sha256)}").For(file);
    }

    /// <summary>A listed file outside the top level and <c>hosts/</c>: looked up where the list says, inside the folder.</summary>
    private static FolderFile Outside(ReportFolder folder, string relative)
    {
        var path = folder.PathOf(relative);
        return new FolderFile(relative, path, RegularFiles.Problem(path));
    }
}
