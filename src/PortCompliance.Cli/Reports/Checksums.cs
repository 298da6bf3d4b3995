using System.Text;

namespace PortCompliance.Cli.Reports;

/// <summary>
/// <c>SHA256SUMS</c>: every file a run wrote, with its SHA-256, in the format <c>sha256sum</c> writes and checks
/// (<c>HASH  PATH</c>, paths relative to the output folder with <c>/</c>, sorted), written last and atomically.
/// What <c>verify</c> checks a report folder against.
/// </summary>
internal static class Checksums
{
    public const string FileName = "SHA256SUMS";

    public static bool Write(string folder, IReadOnlyList<string> files, CliConsole console)
    {
        try
        {
            var root = Path.GetFullPath(folder);
            var lines = files
                .Select(f => (Path: Path.GetRelativePath(root, Path.GetFullPath(f)).Replace('\\', '/'), File: f))
                .OrderBy(f => f.Path, StringComparer.Ordinal)
                .AsParallel().AsOrdered()
                .Select(f => $"{(AtomicFiles.Sha256s.TryGetValue(Path.GetFullPath(f.File), out var known) ? known : Hash(f.File))}  {f.Path}\n")
                .ToList();
            AtomicFiles.Write(Path.Combine(folder, FileName), stream => stream.Write(Encoding.UTF8.GetBytes(string.Concat(lines))));
            console.Out.WriteLine($"Wrote {Path.Combine(folder, FileName)} ({lines.Count} files; sha256sum -c {FileName} in that folder checks them)");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"portcompliance: {FileName} could not be written: {e.Message}");
            return false;
        }
    }

    /// <summary>A file this process did not write itself (never, for a report): hashed as verify hashes it.</summary>
    private static string Hash(string path) =>
        Verification.FileHash.Of(path, out var problem) ?? throw new IOException($"{path}: {problem}");
}
