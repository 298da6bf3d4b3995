using System.Security.Cryptography;
using System.Text;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Policy;

/// <summary>A loaded policy, or every problem that stopped it loading.</summary>
public sealed record PolicyLoadResult(Policy? Policy, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Loads a policy file and the files it <c>extends</c> (paths relative to the including file, or
/// <c>builtin:NAME</c>), validates all of them, and merges them: each file's settings and lists replace
/// the ones it inherits, groups and waivers accumulate.
/// </summary>
public static class PolicyLoader
{
    public const string BuiltInBaseline = BuiltInResources.Prefix + "baseline";

    public static PolicyLoadResult Load(string path, ServiceCatalogue? catalogue = null)
    {
        catalogue ??= ServiceCatalogue.BuiltIn;
        var diagnostics = new List<Diagnostic>();
        var loaded = Load(path, referencedBy: null, visiting: [], catalogue, diagnostics);
        if (loaded is null || diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new PolicyLoadResult(null, InReadingOrder(diagnostics));
        }

        var (main, rules, groups, waivers, sources) = loaded.Value;
        var id = main.Id ?? Path.GetFileNameWithoutExtension(path.Replace(BuiltInResources.Prefix, ""));
        var combined = string.Join("\n", sources.Select(s => s.Sha256).Append(catalogue.Sha256));
        return new PolicyLoadResult(new Policy
        {
            Id = id,
            Title = main.Title ?? id,
            Sources = sources,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(combined))),
            Rules = rules.Complete(),
            Groups = groups,
            Waivers = waivers,
        }, diagnostics);
    }

    private static (PolicyFile Main, PartialRules Rules, List<HostGroup> Groups, List<Waiver> Waivers, List<PolicySource> Sources)? Load(
        string path, (string File, YamlNode Node, string Written)? referencedBy, List<string> visiting, ServiceCatalogue catalogue, List<Diagnostic> diagnostics)
    {
        var key = path.StartsWith(BuiltInResources.Prefix, StringComparison.Ordinal) ? path : Path.GetFullPath(path);
        if (visiting.Contains(key))
        {
            Report(diagnostics, referencedBy, path, $"extends cycle: {string.Join(" → ", visiting.Append(key).Select(Display))}");
            return null;
        }

        if (Bytes(path, out var error) is not { } content)
        {
            Report(diagnostics, referencedBy, path, error);
            return null;
        }

        var before = diagnostics.Count;
        var root = YamlTree.Parse(PolicyText.Decode(content), path, diagnostics);
        if (root is null && diagnostics.Count > before)
        {
            return null; // the YAML itself is broken: what it meant cannot be judged
        }

        var file = new PolicyFileReader(new NodeReader(path, diagnostics), catalogue).Read(root, PolicyText.Sha256(content));

        visiting.Add(key);
        var rules = new PartialRules();
        var groups = new List<HostGroup>();
        var waivers = new List<Waiver>();
        var sources = new List<PolicySource> { new(path, file.Sha256) };
        foreach (var (parentPath, node) in file.Extends)
        {
            var resolved = Resolve(path, parentPath);
            if (Load(resolved, (path, node, parentPath), visiting, catalogue, diagnostics) is not { } parent)
            {
                continue;
            }

            rules = parent.Rules.Over(rules);
            groups.AddRange(parent.Groups);
            waivers.AddRange(parent.Waivers);
            sources.AddRange(parent.Sources);
        }

        visiting.RemoveAt(visiting.Count - 1);
        groups.AddRange(file.Groups);
        waivers.AddRange(file.Waivers);
        return (file, file.Rules.Over(rules), groups, waivers, sources);
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

    private static byte[]? Bytes(string path, out string error)
    {
        error = "";
        if (path.StartsWith(BuiltInResources.Prefix, StringComparison.Ordinal))
        {
            var name = $"policies/{path[BuiltInResources.Prefix.Length..]}.yaml";
            if (BuiltInResources.Exists(name))
            {
                return BuiltInResources.Read(name);
            }

            error = $"no built-in policy '{path}' (built in: {BuiltInBaseline})";
            return null;
        }

        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > YamlTree.MaxBytes)
            {
                error = $"policy file is larger than {YamlTree.MaxBytes / 1024} KiB";
                return null;
            }

            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : $"cannot read: {e.Message}";
            return null;
        }
    }

    /// <summary>File by file in the order they were met, top to bottom within each.</summary>
    private static List<Diagnostic> InReadingOrder(List<Diagnostic> diagnostics)
    {
        var files = diagnostics.Select(d => d.File).Distinct().ToList();
        return [.. diagnostics.OrderBy(d => files.IndexOf(d.File)).ThenBy(d => d.Line).ThenBy(d => d.Column)];
    }

    private static void Report(List<Diagnostic> diagnostics, (string File, YamlNode Node, string Written)? referencedBy, string path, string message)
    {
        var resolved = referencedBy is { } r && r.Written != path ? $" ({path})" : "";
        diagnostics.Add(referencedBy is { } by
            ? new Diagnostic(by.File, by.Node.Line, by.Node.Column, DiagnosticSeverity.Error, $"extends '{by.Written}'{resolved}: {message}")
            : new Diagnostic(path, 0, 0, DiagnosticSeverity.Error, message));
    }

    private static string Display(string key) =>
        key.StartsWith(BuiltInResources.Prefix, StringComparison.Ordinal) ? key : Path.GetRelativePath(Environment.CurrentDirectory, key);
}
