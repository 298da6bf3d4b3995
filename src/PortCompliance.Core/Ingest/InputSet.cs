using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>One input to read: a file, or standard input (<c>-</c>).</summary>
public sealed record InputFile(string Path)
{
    public bool IsStdin => Path == InputSet.Stdin;
}

/// <summary>Expands the command line's inputs: files as given, folders recursively in a stable order, <c>-</c>.</summary>
public static class InputSet
{
    public const string Stdin = "-";

    // Files a folder of listings usually holds beside them: reports, notes, scripts, our own output.
    private static readonly HashSet<string> NotListings = new(StringComparer.OrdinalIgnoreCase)
    {
        ".md", ".markdown", ".rst", ".json", ".csv", ".yaml", ".yml", ".html", ".htm", ".pdf", ".png", ".jpg",
        ".svg", ".sh", ".ps1", ".py", ".gz", ".zip", ".tar", ".tgz", ".bz2", ".xz", ".xlsx", ".docx", ".swp", ".bak",
        ".ini", ".cfg", ".conf", ".toml", ".example", ".sample",
    };

    public static (IReadOnlyList<InputFile> Files, IReadOnlyList<Diagnostic> Diagnostics) Expand(IEnumerable<string> inputs)
    {
        var files = new List<InputFile>();
        var diagnostics = new List<Diagnostic>();
        foreach (var input in inputs)
        {
            if (input == Stdin)
            {
                files.Add(new InputFile(input));
            }
            else if (Directory.Exists(input))
            {
                AddFolder(input, files, diagnostics);
            }
            else if (!File.Exists(input))
            {
                diagnostics.Add(new Diagnostic(input, 0, 0, DiagnosticSeverity.Error, "no such file or folder"));
            }
            else
            {
                AddFile(input, files, diagnostics);
            }
        }

        return (files, diagnostics);
    }

    private static void AddFolder(string folder, List<InputFile> files, List<Diagnostic> diagnostics)
    {
        var ignored = new List<string>();
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            IgnoreInaccessible = false,
        };
        IEnumerable<string> found;
        try
        {
            found = Directory.EnumerateFiles(folder, "*", options).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new Diagnostic(folder, 0, 0, DiagnosticSeverity.Error, $"cannot list folder: {e.Message}"));
            return;
        }

        foreach (var path in found)
        {
            if (IsListingCandidate(folder, path))
            {
                AddFile(path, files, diagnostics);
            }
            else
            {
                ignored.Add(Path.GetRelativePath(folder, path));
            }
        }

        if (ignored.Count > 0)
        {
            var names = string.Join(", ", ignored.Take(5)) + (ignored.Count > 5 ? $", … ({ignored.Count - 5} more)" : "");
            diagnostics.Add(new Diagnostic(folder, 0, 0, DiagnosticSeverity.Warning,
                $"ignored {ignored.Count} file(s) that are not listings by their name: {names}"));
        }
    }

    /// <summary>A FIFO, a device or a dangling link is named with its reason and left out; the batch goes on.</summary>
    private static void AddFile(string path, List<InputFile> files, List<Diagnostic> diagnostics)
    {
        if (RegularFiles.Problem(path) is { } problem)
        {
            diagnostics.Add(new Diagnostic(path, 0, 0, DiagnosticSeverity.Error, problem));
            return;
        }

        files.Add(new InputFile(path));
    }

    private static bool IsListingCandidate(string folder, string path)
    {
        var name = Path.GetFileName(path);
        var hidden = Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar).Any(p => p.StartsWith('.'));
        return !hidden
               && !name.StartsWith("README", StringComparison.OrdinalIgnoreCase)
               && !name.StartsWith("LICENSE", StringComparison.OrdinalIgnoreCase)
               && (!NotListings.Contains(Path.GetExtension(name)) || IsProcessListing(name));
    }

    /// <summary><c>web01.tasklist.csv</c>: the pid → name table beside a Windows listing, a CSV a folder still holds for us.</summary>
    private static bool IsProcessListing(string name) => name.EndsWith(".tasklist.csv", StringComparison.OrdinalIgnoreCase);
}
