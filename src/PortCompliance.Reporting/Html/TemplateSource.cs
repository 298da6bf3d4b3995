using System.Reflection;
using PortCompliance.Core.Model;

namespace PortCompliance.Reporting.Html;

/// <summary>
/// Where the HTML templates come from: a user's folder (<c>--templates</c>) first, the built-in copies embedded from
/// the repository's <c>templates/</c> for every file the folder lacks, so a customised folder may hold one file only.
/// Names are paths relative to the templates folder with forward slashes (<c>report.sbn</c>, <c>partials/host.sbn</c>).
/// </summary>
internal sealed class TemplateSource
{
    private const string ResourcePrefix = "templates/";
    private const long MaxTemplateBytes = 4L << 20;
    private static readonly Assembly Resources = typeof(TemplateSource).Assembly;

    public TemplateSource(string? directory)
    {
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new TemplateException($"the templates folder '{directory}' does not exist");
        }

        Folder = directory;
        var names = new SortedSet<string>(BuiltInNames(), StringComparer.Ordinal);
        if (directory is not null)
        {
            RefuseHandlebars(directory);
            names.UnionWith(Directory.EnumerateFiles(directory, "*" + HtmlTemplates.Extension, SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(directory, path).Replace('\\', '/')));
        }

        Names = [.. names];
    }

    /// <summary>Every template either place holds, in ordinal order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Where customised templates are read from, or null for the built-in set.</summary>
    public string? Folder { get; }

    public Template Read(string name)
    {
        if (Folder is not null)
        {
            var path = Path.Combine(Folder, name);
            if (File.Exists(path))
            {
                return new Template(name, path, ReadText(path));
            }
        }

        using var stream = Resources.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new TemplateException($"no template {name}: neither {Folder ?? "a --templates folder"} nor the built-in set has it");
        using var reader = new StreamReader(stream);
        return new Template(name, $"built-in templates/{name}", reader.ReadToEnd());
    }

    /// <summary>One template's text and where it came from (a path, or <c>built-in templates/…</c>), as errors name it.</summary>
    internal sealed record Template(string Name, string Origin, string Text);

    private static IEnumerable<string> BuiltInNames() =>
        Resources.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(HtmlTemplates.Extension, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..]);

    /// <summary>
    /// A folder customised for the Handlebars templates of earlier versions would otherwise be ignored file by file,
    /// and the report would quietly come out without the customisation.
    /// </summary>
    private static void RefuseHandlebars(string directory)
    {
        var old = Directory.EnumerateFiles(directory, "*.hbs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        if (old.Count > 0)
        {
            throw new TemplateException($"{old[0]}: a Handlebars template; the HTML templates are Scriban now ({HtmlTemplates.Extension}): " +
                                        $"copy templates/ again and redo the change ({old.Count} .hbs file{(old.Count == 1 ? "" : "s")} in {directory})");
        }
    }

    private static string ReadText(string path)
    {
        try
        {
            // A template is a page of markup; a FIFO or /dev/zero under a template's name must not hang the run.
            return RegularFiles.ReadAll(path, MaxTemplateBytes, "template", out var problem) is { } bytes
                ? new StreamReader(new MemoryStream(bytes)).ReadToEnd()
                : throw new TemplateException($"{path}: cannot be read: {problem}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TemplateException($"{path}: cannot be read: {e.Message}", e);
        }
    }
}
