namespace PortCompliance.Reporting.Pdf.Fonts;

/// <summary>
/// Finds the report's fonts in the standard Linux font folders. PDFsharp has no font lookup of its own on Linux,
/// and an auditor's PDF must not depend on whatever a viewer substitutes, so the files are found here and embedded.
/// Families are tried in a fixed order (DejaVu, Liberation, Noto) so the same machine always picks the same one.
/// </summary>
internal static class FontLocator
{
    private static readonly (string Family, string Regular, string Bold)[] SansFamilies =
    [
        ("DejaVu Sans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
        ("Liberation Sans", "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
        ("Noto Sans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    ];

    private static readonly (string Family, string Regular, string Bold)[] MonoFamilies =
    [
        ("DejaVu Sans Mono", "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf"),
        ("Liberation Mono", "LiberationMono-Regular.ttf", "LiberationMono-Bold.ttf"),
        ("Noto Sans Mono", "NotoSansMono-Regular.ttf", "NotoSansMono-Bold.ttf"),
    ];

    /// <summary>/usr/share/fonts, /usr/local/share/fonts, ~/.fonts and ~/.local/share/fonts, searched recursively.</summary>
    public static IReadOnlyList<string> StandardFolders()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        List<string> folders = ["/usr/share/fonts", "/usr/local/share/fonts"];
        if (home.Length > 0)
        {
            folders.Add(Path.Combine(home, ".fonts"));
            folders.Add(Path.Combine(home, ".local", "share", "fonts"));
        }

        return folders;
    }

    public static FontSearch Find(IReadOnlyList<string> folders)
    {
        var files = Index(folders);
        var sans = Pick(SansFamilies, files);
        var mono = Pick(MonoFamilies, files);
        if (sans is not null && mono is not null)
        {
            return new FontSearch(new FontSet(sans, mono), null);
        }

        var missing = sans is null ? string.Join(", ", SansFamilies.Select(f => f.Family)) : string.Join(", ", MonoFamilies.Select(f => f.Family));
        return new FontSearch(null,
            $"no font for the PDF report: none of {missing} is installed under {string.Join(", ", folders)}. " +
            "Install one, e.g. `apt-get install fonts-dejavu-core` (Debian, Ubuntu), `dnf install dejavu-sans-fonts " +
            "dejavu-sans-mono-fonts` (Fedora, RHEL) or `apk add font-dejavu` (Alpine), or write the other formats with --formats.");
    }

    private static FontFamilyFiles? Pick((string Family, string Regular, string Bold)[] families, IReadOnlyDictionary<string, string> files)
    {
        foreach (var (family, regular, bold) in families)
        {
            if (files.TryGetValue(regular, out var regularPath))
            {
                return new FontFamilyFiles(family, regularPath, files.GetValueOrDefault(bold));
            }
        }

        return null;
    }

    /// <summary>File name → first path, in folder order then ordinal path order, so the choice never depends on the disk.</summary>
    private static Dictionary<string, string> Index(IReadOnlyList<string> folders)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive };
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in folders.Where(Directory.Exists))
        {
            foreach (var path in Directory.EnumerateFiles(folder, "*.ttf", options).Order(StringComparer.Ordinal))
            {
                found.TryAdd(Path.GetFileName(path), path);
            }
        }

        return found;
    }
}
