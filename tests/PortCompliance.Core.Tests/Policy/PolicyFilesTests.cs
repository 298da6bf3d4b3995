using PortCompliance.Core.Policy;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Policy;

/// <summary>
/// What a policy may read: regular files only (a FIFO or /dev/zero as the policy or in <c>extends</c> ends at once),
/// each file once however many paths reach it, and a bounded number and size of files.
/// </summary>
public sealed class PolicyFilesTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pc-policy-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static string Baseline => File.ReadAllText(RepoPaths.Combine("policies", "baseline.yaml"));

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Should_Refuse_A_Fifo_As_The_Policy()
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(_dir.FullName, "policy.yaml"));

        var result = SpecialFiles.Within(20, () => PolicyLoader.Load(fifo), fifo);

        Assert.Null(result.Policy);
        Assert.Equal($"{fifo}: error: not a regular file (a FIFO): skipped", Assert.Single(result.Diagnostics).ToString());
    }

    [Theory]
    [InlineData("/dev/zero", "not a regular file (a character device): skipped")]
    [InlineData("zero.yaml", "not a regular file (a character device): skipped")]
    [InlineData("fifo.yaml", "not a regular file (a FIFO): skipped")]
    public void Should_Refuse_A_Special_File_In_Extends_Naming_The_Line(string parent, string reason)
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(_dir.FullName, "fifo.yaml"));
        SpecialFiles.Link(Path.Combine(_dir.FullName, "zero.yaml"), "/dev/zero");
        var child = Write("child.yaml", $"policy: child\nextends:\n  - {parent}\n");

        var result = SpecialFiles.Within(20, () => PolicyLoader.Load(child), fifo);

        Assert.Null(result.Policy);
        var resolved = parent.StartsWith('/') ? "" : $" ({Path.Combine(_dir.FullName, parent)})";
        Assert.Equal($"{child}:3:5: error: extends '{parent}'{resolved}: {reason}", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void Should_Read_A_Diamond_Of_Extends_Once_Per_File()
    {
        // Each file extends the next three, 40 deep: 3^40 paths, 43 files. Read once each, it loads at once.
        Write("p40.yaml", Baseline.Replace("policy: baseline", "policy: p40"));
        Write("p41.yaml", "policy: p41\n");
        Write("p42.yaml", "policy: p42\n");
        for (var i = 39; i >= 0; i--)
        {
            Write($"p{i}.yaml", $"policy: p{i}\nextends: [p{i + 1}.yaml, p{i + 2}.yaml, p{i + 3}.yaml]\n");
        }

        var result = SpecialFiles.Within(20, () => PolicyLoader.Load(Path.Combine(_dir.FullName, "p0.yaml")));

        Assert.True(result.Policy is not null, string.Join("\n", result.Diagnostics));
        Assert.Equal(43, result.Policy.Sources.Count);
        Assert.Equal(43, result.Policy.Sources.Select(s => s.Path).Distinct().Count());
        var baseline = PolicyLoader.Load(PolicyLoader.BuiltInBaseline).Policy!;
        Assert.Equal(baseline.Groups.Select(g => g.Name), result.Policy.Groups.Select(g => g.Name)); // once, not 3^40 times
        Assert.Equal(baseline.Rules.ApprovedPorts.Select(p => (p.Ports, p.Approval)), result.Policy.Rules.ApprovedPorts.Select(p => (p.Ports, p.Approval)));
        Assert.Equal(baseline.Rules.Forbidden, result.Policy.Rules.Forbidden);
    }

    [Fact]
    public void Should_Still_Report_A_Cycle_Through_A_Diamond()
    {
        var a = Write("a.yaml", "policy: a\nextends: [b.yaml, c.yaml]\n");
        Write("b.yaml", "policy: b\nextends: [c.yaml]\n");
        Write("c.yaml", "policy: c\nextends: [a.yaml]\n");

        var result = PolicyLoader.Load(a);

        Assert.Null(result.Policy);
        Assert.Contains("extends cycle:", Assert.Single(result.Diagnostics).Message);
    }

    [Fact]
    public void Should_Stop_At_The_Most_Files_A_Policy_May_Read()
    {
        for (var i = 0; i < ExtendsWalk.MaxFiles + 5; i++)
        {
            Write($"c{i}.yaml", $"policy: c{i}\nextends: [c{i + 1}.yaml]\n");
        }

        var result = PolicyLoader.Load(Path.Combine(_dir.FullName, "c0.yaml"));

        Assert.Null(result.Policy);
        Assert.EndsWith("the policy reads more than 64 files (itself and every file it extends); merge some of them", Assert.Single(result.Diagnostics).Message);
        Assert.Equal(Path.Combine(_dir.FullName, "c63.yaml"), result.Diagnostics[0].File);
    }

    [Fact]
    public void Should_Stop_When_The_Policy_Files_Together_Are_Too_Large()
    {
        // Five files just under the 1 MiB each may have: over the 4 MiB they may have together.
        var padding = "#" + new string('x', 900_000) + "\n";
        for (var i = 0; i < 5; i++)
        {
            Write($"big{i}.yaml", $"policy: big{i}\n{padding}" + (i < 4 ? $"extends: [big{i + 1}.yaml]\n" : ""));
        }

        var result = PolicyLoader.Load(Path.Combine(_dir.FullName, "big0.yaml"));

        Assert.Null(result.Policy);
        Assert.EndsWith("the policy's files together are larger than 4 MiB", Assert.Single(result.Diagnostics).Message);
    }
}
