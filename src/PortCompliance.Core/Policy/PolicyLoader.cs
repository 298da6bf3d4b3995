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
        var loaded = new ExtendsWalk(catalogue, diagnostics).Load(path, referencedBy: null);
        if (loaded is null || diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new PolicyLoadResult(null, InReadingOrder(diagnostics));
        }

        var main = loaded.File;
        var sources = loaded.Sources.Select(p => p.Source).ToList();
        var id = main.Id ?? Path.GetFileNameWithoutExtension(path.Replace(BuiltInResources.Prefix, ""));
        var combined = string.Join("\n", sources.Select(s => s.Sha256).Append(catalogue.Sha256));
        return new PolicyLoadResult(new Policy
        {
            Id = id,
            Title = main.Title ?? id,
            Sources = sources,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(combined))),
            Rules = loaded.Rules.Complete(),
            Groups = [.. loaded.Parts.SelectMany(p => p.Groups)],
            Waivers = [.. loaded.Parts.SelectMany(p => p.Waivers)],
        }, diagnostics);
    }

    /// <summary>A policy file's bytes (a built-in one's by name), capped at <see cref="YamlTree.MaxBytes"/> as read.</summary>
    internal static byte[]? Bytes(string path, out string error)
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
            var bytes = RegularFiles.ReadAll(path, YamlTree.MaxBytes, "policy file", out var problem);
            error = problem;
            return bytes;
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
}
