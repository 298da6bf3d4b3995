using System.Text;
using System.Text.RegularExpressions;

namespace PortCompliance.Cli.Verification;

/// <summary>One line of SHA256SUMS: the hash a file had when the audit wrote it, and the file's path in the folder.</summary>
internal sealed record SumsEntry(int Line, string Sha256, string Path);

/// <summary>
/// Reads SHA256SUMS as <c>sha256sum -c</c> does: <c>HASH  PATH</c> or <c>HASH *PATH</c> per line, a leading <c>\</c>
/// marking a path with <c>\\</c> and <c>\n</c> escapes. A path that would leave the folder (absolute, or with a
/// <c>..</c> step) is a problem of its line, never a file to open.
/// </summary>
internal static partial class SumsFile
{
    /// <summary>A folder of 10,000 host reports lists some 20,000 files in about 2 MiB; far more is no SHA256SUMS of ours.</summary>
    public const long MaxBytes = 64L << 20;

    public static (IReadOnlyList<SumsEntry> Entries, IReadOnlyList<(int Line, string Problem)> Problems) Parse(byte[] bytes)
    {
        var entries = new List<SumsEntry>();
        var problems = new List<(int, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(bytes).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var escaped = line.StartsWith('\\');
            if (Line().Match(escaped ? line[1..] : line) is not { Success: true } match)
            {
                problems.Add((i + 1, "not a line of sha256sum (HASH, two spaces, PATH)"));
                continue;
            }

            var path = escaped ? match.Groups["path"].Value.Replace("\\n", "\n").Replace("\\\\", "\\") : match.Groups["path"].Value;
            if (Escapes(path) is { } problem || !seen.Add(path) && (problem = "listed twice") is not null)
            {
                problems.Add((i + 1, $"{path}: {problem}"));
                continue;
            }

            entries.Add(new SumsEntry(i + 1, match.Groups["hash"].Value.ToLowerInvariant(), path));
        }

        return (entries, problems);
    }

    private static string? Escapes(string path) =>
        Path.IsPathRooted(path) || path.StartsWith('/') ? "an absolute path, outside the report folder"
        : path.Split('/', '\\').Any(step => step == "..") ? "a path that leaves the report folder"
        : path.Contains('\0') ? "a path with a NUL in it"
        : null;

    [GeneratedRegex(@"^(?<hash>[0-9a-fA-F]{64}) [ *](?<path>.+)$")]
    private static partial Regex Line();
}
