namespace PortCompliance.Cli.Verification;

/// <summary>
/// Which recorded source each given input file is, in three rounds, each taking only sources no earlier round took:
/// the path exactly as results.json records it; the same full path (a relative record read from where verify runs);
/// else the one recorded source sharing the longest tail of path steps with it (<c>2026-11/web01.ss.txt</c>, at
/// least the file name). A file two sources fit equally well is <see cref="Tied"/> to them and matched to neither.
/// </summary>
internal sealed class InputMatch
{
    private readonly Dictionary<string, RecordedSource> _matched = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<RecordedSource>> _tied = new(StringComparer.Ordinal);

    public InputMatch(IReadOnlyList<string> given, IReadOnlyList<RecordedSource> recorded)
    {
        // Indexed, as a fleet gives 10,000 files to match against 10,000 sources.
        var free = recorded.ToHashSet();
        var files = recorded.Where(s => s.Path != "-").ToList();
        Round(given, free, recorded.ToLookup(s => s.Path, StringComparer.Ordinal), file => file);
        Round(given, free, files.ToLookup(s => Full(s.Path), StringComparer.Ordinal), file => file == "-" ? "" : Full(file));
        var byName = files.ToLookup(s => Name(s.Path), StringComparer.Ordinal);
        foreach (var file in given.Where(f => !_matched.ContainsKey(f) && f != "-"))
        {
            var shared = byName[Name(file)].Where(free.Contains).Select(s => (Source: s, Steps: SharedTail(file, s.Path))).ToList();
            var most = shared.Count == 0 ? 0 : shared.Max(c => c.Steps);
            var best = shared.Where(c => c.Steps == most).Select(c => c.Source).ToList();
            if (best.Count == 1)
            {
                _matched[file] = best[0];
                free.Remove(best[0]);
            }
            else if (best.Count > 1)
            {
                _tied[file] = best;
            }
        }

        Unmatched = [.. recorded.Where(free.Contains)];
    }

    /// <summary>The recorded sources no given file matched.</summary>
    public IReadOnlyList<RecordedSource> Unmatched { get; }

    public RecordedSource? Of(string file) => _matched.GetValueOrDefault(file);

    /// <summary>The recorded sources a file fits equally well, when more than one does: why it matched none.</summary>
    public IReadOnlyList<RecordedSource> Tied(string file) => _tied.GetValueOrDefault(file) ?? [];

    private void Round(IReadOnlyList<string> given, HashSet<RecordedSource> free, ILookup<string, RecordedSource> index, Func<string, string> key)
    {
        foreach (var file in given.Where(f => !_matched.ContainsKey(f)))
        {
            if (index[key(file)].FirstOrDefault(free.Contains) is { } source)
            {
                _matched[file] = source;
                free.Remove(source);
            }
        }
    }

    private static string Full(string path) => Path.GetFullPath(path).Replace('\\', '/');

    private static string Name(string path) => path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";

    /// <summary>How many trailing path steps two paths share (<c>a/2026-11/web01.txt</c>, <c>b/2026-11/web01.txt</c>: 2).</summary>
    private static int SharedTail(string a, string b)
    {
        var x = a.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var y = b.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var n = 0;
        while (n < x.Length && n < y.Length && x[^(n + 1)] == y[^(n + 1)])
        {
            n++;
        }

        return n;
    }
}
