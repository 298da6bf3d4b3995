using System.Text;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit;

namespace PortCompliance.Tests.Shared;

/// <summary>
/// Golden-file assertions. <c>UPDATE_SNAPSHOTS=1</c> accepts the actual output; under CI (<c>CI=true</c>)
/// nothing is ever written, so a missing or stale golden file fails the build.
/// </summary>
internal static class Snapshot
{
    private const int Context = 3;

    private static bool MayUpdate =>
        Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1"
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Match(string actual, string goldenPath)
    {
        var expected = File.Exists(goldenPath) ? File.ReadAllText(goldenPath) : null;
        if (expected == actual)
        {
            return;
        }

        if (MayUpdate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(goldenPath)!);
            File.WriteAllText(goldenPath, actual);
            return;
        }

        var name = RepoPaths.Relative(goldenPath);
        Assert.Fail(expected is null
            ? $"no golden file {name}; run the tests with UPDATE_SNAPSHOTS=1, then review and commit it"
            : $"output differs from {name} (- golden, + actual); if the change is right, rerun with UPDATE_SNAPSHOTS=1\n{Diff(expected, actual)}");
    }

    private static string Diff(string expected, string actual)
    {
        var lines = new InlineDiffBuilder(new Differ()).BuildDiffModel(expected, actual, ignoreWhitespace: false).Lines;
        var changed = lines.Select((l, i) => (l, i)).Where(x => x.l.Type != ChangeType.Unchanged).Select(x => x.i).ToHashSet();
        var text = new StringBuilder();
        var skipping = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!changed.Any(c => Math.Abs(c - i) <= Context))
            {
                if (!skipping)
                {
                    text.AppendLine("  …");
                }

                skipping = true;
                continue;
            }

            skipping = false;
            var mark = lines[i].Type switch { ChangeType.Inserted => '+', ChangeType.Deleted => '-', _ => ' ' };
            text.Append(mark).Append(' ').AppendLine(lines[i].Text);
        }

        return text.ToString();
    }
}
