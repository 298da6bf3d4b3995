using PortCompliance.Cli.Reports;
using PortCompliance.Core.Model;

namespace PortCompliance.Cli.Verification;

/// <summary>
/// A file of the report folder, by its path relative to the folder (with <c>/</c>, as SHA256SUMS names it), and why
/// it cannot be read as a file (a FIFO, a device, a dangling link), or null when it can.
/// </summary>
internal sealed record FolderFile(string Relative, string Path, string? Problem)
{
    public bool InHosts => Relative.StartsWith(ReportFolder.HostsFolder + "/", StringComparison.Ordinal);

    public bool IsPdf => Relative.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The report folder <c>verify</c> was given, as it stands: the files in it and in its <c>hosts/</c> (names starting
/// with a dot are a running audit's temporary files and left out), the INPUT to compare with, and what its
/// results.json records — read once, when a check first asks.
/// </summary>
internal sealed class ReportFolder
{
    public const string HostsFolder = "hosts";

    private readonly Lazy<RecordedRun> _record;

    public ReportFolder(string root, IReadOnlyList<string> inputs, Func<Stream> openStdin)
    {
        Root = root;
        Inputs = inputs;
        OpenStdin = openStdin;
        Files = [.. Entries(root, "").Concat(Entries(System.IO.Path.Combine(root, HostsFolder), HostsFolder + "/")).OrderBy(f => f.Relative, StringComparer.Ordinal)];
        _record = new Lazy<RecordedRun>(() => RecordedRun.Read(this));
    }

    public string Root { get; }

    /// <summary>The INPUT arguments as given (none: the inputs are looked for where results.json says they were).</summary>
    public IReadOnlyList<string> Inputs { get; }

    public Func<Stream> OpenStdin { get; }

    /// <summary>Every file in the folder and in its <c>hosts/</c>, SHA256SUMS itself excluded, in ordinal order.</summary>
    public IReadOnlyList<FolderFile> Files { get; }

    public RecordedRun Record => _record.Value;

    /// <summary>A fleet's folder: its host reports under <c>hosts/</c>.</summary>
    public bool IsFleet => Files.Any(f => f.InHosts);

    public string PathOf(string relative) => System.IO.Path.Combine(Root, relative);

    /// <summary>Whether the folder looks like a report folder at all: SHA256SUMS, results.json, a report or a fleet's hosts/.</summary>
    public bool HoldsAnything(IEnumerable<string> reportNames) =>
        File.Exists(PathOf(Checksums.FileName)) || Files.Any(f => f.InHosts || f.Relative == RecordedRun.FileName || reportNames.Contains(f.Relative));

    private static IEnumerable<FolderFile> Entries(string folder, string prefix)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var options = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false, ReturnSpecialDirectories = false };
        return Directory.EnumerateFileSystemEntries(folder, "*", options)
            .Select(path => (Path: path, Name: System.IO.Path.GetFileName(path)))
            .Where(e => !e.Name.StartsWith('.') && !(prefix.Length == 0 && e.Name == Checksums.FileName) && !Directory.Exists(e.Path))
            .Select(e => new FolderFile(prefix + e.Name, e.Path, RegularFiles.Problem(e.Path)))
            .ToList();
    }
}
