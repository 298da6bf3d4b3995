using System.Text.RegularExpressions;
using System.Xml.Linq;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Cli.Tests.Architecture;

/// <summary>Every package the tree uses is listed, with its version and a permissive licence, in THIRD-PARTY-NOTICES.md.</summary>
public sealed partial class DependencyTests
{
    private static readonly string[] Permissive = ["MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "MS-PL OR Apache-2.0"];

    private static IReadOnlyDictionary<string, (string Version, string Licence)> Notices() =>
        NoticeRow().Matches(File.ReadAllText(RepoPaths.Combine("THIRD-PARTY-NOTICES.md")))
            .ToDictionary(m => m.Groups["package"].Value, m => (m.Groups["version"].Value, m.Groups["licence"].Value.Trim()), StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<(string Package, string Version)> Declared() =>
        XDocument.Load(RepoPaths.Combine("Directory.Packages.props")).Descendants("PackageVersion")
            .Select(p => ((string)p.Attribute("Include")!, (string)p.Attribute("Version")!));

    public static TheoryData<string, string> Packages()
    {
        var data = new TheoryData<string, string>();
        foreach (var (package, version) in Declared())
        {
            data.Add(package, version);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Should_List_Every_Package_With_Its_Version_And_A_Permissive_Licence(string package, string version)
    {
        Assert.True(Notices().TryGetValue(package, out var row), $"{package} {version} is in Directory.Packages.props but has no row in THIRD-PARTY-NOTICES.md");
        Assert.Equal(version, row.Version);
        Assert.Contains(row.Licence, Permissive);
    }

    [Fact]
    public void Should_List_No_Package_The_Tree_Does_Not_Use()
    {
        var used = Declared().Select(p => p.Package).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.DoesNotContain(Notices().Keys, listed => !used.Contains(listed));
    }

    [Fact]
    public void Should_Be_MIT_Licensed_Itself()
    {
        Assert.StartsWith("MIT License", File.ReadAllText(RepoPaths.Combine("LICENSE")), StringComparison.Ordinal);
        var license = XDocument.Load(RepoPaths.Combine("Directory.Build.props")).Descendants("PackageLicenseExpression").Single();
        Assert.Equal("MIT", license.Value);
    }

    [GeneratedRegex(@"^\| (?<package>[A-Za-z][\w.\-]*) \| (?<version>[0-9][\w.\-]*) \| (?<licence>[^|]+)\|", RegexOptions.Multiline)]
    private static partial Regex NoticeRow();
}
