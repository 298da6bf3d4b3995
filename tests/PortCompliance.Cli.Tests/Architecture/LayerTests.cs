using System.Text.RegularExpressions;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Cli.Tests.Architecture;

/// <summary>
/// The layers of docs/design.md, read from the code itself: each source file's namespace is its folder, and the
/// PortCompliance namespaces it uses (by <c>using</c> or spelled out in the code) are ones its layer may depend on.
/// </summary>
public sealed partial class LayerTests
{
    /// <summary>Each layer, and the layers it may use besides itself.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Core.Model"] = [],
        ["Core.Ingest"] = ["Core.Model"],
        ["Core.Policy"] = ["Core.Model"],
        ["Core.Evaluation"] = ["Core.Policy", "Core.Model"],
        ["Core.Audit"] = ["Core.Ingest", "Core.Evaluation", "Core.Policy", "Core.Model"],
        ["Reporting"] = ["Core.Model"],
        ["Cli"] = ["Core.Model", "Core.Ingest", "Core.Policy", "Core.Evaluation", "Core.Audit", "Reporting"],
    };

    public static TheoryData<string> SourceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Combine("src"), "*.cs", SearchOption.AllDirectories)
                     .Select(RepoPaths.Relative)
                     .Where(p => !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SourceFiles))]
    public void Should_Declare_The_Namespace_Its_Folder_Names(string file)
    {
        var folder = Path.GetDirectoryName(file)!.Replace('\\', '/')["src/".Length..].Replace('/', '.');

        Assert.Equal(folder, Namespace(file));
    }

    [Theory]
    [MemberData(nameof(SourceFiles))]
    public void Should_Use_Only_The_Layers_Its_Own_Layer_May_Use(string file)
    {
        var layer = LayerOf(Namespace(file));
        var used = Uses(File.ReadAllText(RepoPaths.Combine(file))).Select(LayerOf).Where(l => l != layer).Distinct().Order(StringComparer.Ordinal);

        Assert.All(used, other => Assert.True(Allowed[layer].Contains(other), $"{file} ({layer}) uses {other}; {layer} may use only: {string.Join(", ", Allowed[layer])}"));
    }

    [Fact]
    public void Should_Find_A_Layer_Breach_Spelled_Out_In_Code_Or_In_A_Using_Line()
    {
        // The check itself must see both ways of reaching another layer.
        Assert.Equal(["PortCompliance.Core.Evaluation", "PortCompliance.Core.Policy"],
            Uses("using PortCompliance.Core.Evaluation;\nvar x = Core.Policy.RuleIds.All;\n// PortCompliance.Core.Ingest in a comment\n").Order(StringComparer.Ordinal));
    }

    /// <summary>The layer a namespace belongs to: <c>Core.X</c> for the core's rooms, else the project.</summary>
    private static string LayerOf(string ns)
    {
        var parts = ns.Split('.');
        var layer = parts[1] == "Core" ? $"Core.{parts[2]}" : parts[1];
        Assert.True(Allowed.ContainsKey(layer), $"namespace {ns} is in no layer of docs/design.md");
        return layer;
    }

    private static string Namespace(string file) =>
        FileNamespace().Match(File.ReadAllText(RepoPaths.Combine(file))) is { Success: true } m ? m.Groups[1].Value : "(none)";

    /// <summary>Every PortCompliance namespace the code names, in a using line or spelled out (comments aside).</summary>
    private static IEnumerable<string> Uses(string code)
    {
        var withoutComments = Comment().Replace(code, "");
        foreach (Match m in UsingLine().Matches(withoutComments))
        {
            yield return m.Groups[1].Value;
        }

        foreach (Match m in SpelledOut().Matches(UsingLine().Replace(withoutComments, "")))
        {
            yield return $"PortCompliance.Core.{m.Groups[1].Value}";
        }
    }

    [GeneratedRegex(@"^namespace (PortCompliance[\w.]*);", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"^using (?:static )?(?:\w+ = )?(PortCompliance(?:\.\w+)+);", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"(?<![\w.])(?:PortCompliance\.)?Core\.(Model|Ingest|Policy|Evaluation|Audit)\.")]
    private static partial Regex SpelledOut();

    [GeneratedRegex(@"//.*$", RegexOptions.Multiline)]
    private static partial Regex Comment();
}
