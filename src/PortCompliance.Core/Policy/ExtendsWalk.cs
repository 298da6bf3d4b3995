using PortCompliance.Core.Model;

namespace PortCompliance.Core.Policy;

/// <summary>
/// Reads a policy file and every file it <c>extends</c>, each once: a file reached along two paths (a diamond) is
/// read, checked and counted once, and its groups and waivers apply once. Only a file that extends itself, directly
/// or not, is a cycle. The files together are capped in number and size, so a fan-out of extends ends at once.
/// </summary>
internal sealed class ExtendsWalk(ServiceCatalogue catalogue, List<Diagnostic> diagnostics)
{
    public const int MaxFiles = 64;
    public const long MaxTotalBytes = 4L << 20;

    private readonly Dictionary<string, Loaded?> _done = new(StringComparer.Ordinal);
    private readonly List<string> _visiting = [];
    private long _bytes;

    /// <summary>One file's own share of the policy.</summary>
    internal sealed record Part(string Key, PolicySource Source, IReadOnlyList<HostGroup> Groups, IReadOnlyList<Waiver> Waivers);

    /// <summary>A file with what it inherits: sources main-first (as reports list them), parts inherited-first (as they apply).</summary>
    internal sealed record Loaded(PolicyFile File, PartialRules Rules, IReadOnlyList<Part> Sources, IReadOnlyList<Part> Parts);

    public Loaded? Load(string path, (string File, YamlNode Node, string Written)? referencedBy)
    {
        var key = path.StartsWith(BuiltInResources.Prefix, StringComparison.Ordinal) ? path : Path.GetFullPath(path);
        if (_visiting.Contains(key))
        {
            Report(referencedBy, path, $"extends cycle: {string.Join(" → ", _visiting.Append(key).Select(Display))}");
            return null;
        }

        if (_done.TryGetValue(key, out var known))
        {
            return known; // read already along another path; its problems were told then
        }

        _done[key] = null;
        if (_done.Count > MaxFiles)
        {
            Report(referencedBy, path, $"the policy reads more than {MaxFiles} files (itself and every file it extends); merge some of them");
            return null;
        }

        if (PolicyLoader.Bytes(path, out var error) is not { } content)
        {
            Report(referencedBy, path, error);
            return null;
        }

        _bytes += content.Length;
        if (_bytes > MaxTotalBytes)
        {
            Report(referencedBy, path, $"the policy's files together are larger than {RegularFiles.Size(MaxTotalBytes)}");
            return null;
        }

        var before = diagnostics.Count;
        var root = YamlTree.Parse(PolicyText.Decode(content), path, diagnostics);
        if (root is null && diagnostics.Count > before)
        {
            return null; // the YAML itself is broken: what it meant cannot be judged
        }

        var file = new PolicyFileReader(new NodeReader(path, diagnostics), catalogue).Read(root, PolicyText.Sha256(content));
        var own = new Part(key, new PolicySource(path, file.Sha256) { Content = content }, file.Groups, file.Waivers);
        _visiting.Add(key);
        var rules = new PartialRules();
        var sources = new List<Part> { own };
        var parts = new List<Part>();
        foreach (var (parentPath, node) in file.Extends)
        {
            if (Load(Resolve(path, parentPath), (path, node, parentPath)) is not { } parent)
            {
                continue;
            }

            rules = parent.Rules.Over(rules);
            sources.AddRange(parent.Sources.Where(p => sources.All(s => s.Key != p.Key)));
            parts.AddRange(parent.Parts.Where(p => parts.All(s => s.Key != p.Key)));
        }

        _visiting.RemoveAt(_visiting.Count - 1);
        parts.Add(own);
        return _done[key] = new Loaded(file, file.Rules.Over(rules), sources, parts);
    }

    private static string Resolve(string including, string path)
    {
        if (path.StartsWith(BuiltInResources.Prefix, StringComparison.Ordinal) || Path.IsPathRooted(path)
            || including.StartsWith(BuiltInResources.Prefix, StringComparison.Ordinal))
        {
            return path;
        }

        return Path.Combine(Path.GetDirectoryName(including) ?? "", path);
    }

    private void Report((string File, YamlNode Node, string Written)? referencedBy, string path, string message)
    {
        var resolved = referencedBy is { } r && r.Written != path ? $" ({path})" : "";
        diagnostics.Add(referencedBy is { } by
            ? new Diagnostic(by.File, by.Node.Line, by.Node.Column, DiagnosticSeverity.Error, $"extends '{by.Written}'{resolved}: {message}")
            : new Diagnostic(path, 0, 0, DiagnosticSeverity.Error, message));
    }

    private static string Display(string key) =>
        key.StartsWith(BuiltInResources.Prefix, StringComparison.Ordinal) ? key : Path.GetRelativePath(Environment.CurrentDirectory, key);
}
