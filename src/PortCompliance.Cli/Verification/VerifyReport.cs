using System.Globalization;

namespace PortCompliance.Cli.Verification;

/// <summary>
/// Prints <c>verify</c>'s lines — <c>ok</c>, <c>FAIL</c> or <c>note</c>, the check, the subject and why — and the
/// verdict last. Within a fold (a fleet's <c>hosts/</c>, its listings) the lines that hold are printed as one per check,
/// and so are notes that say the same; every failure keeps its own line.
/// </summary>
internal static class VerifyReport
{
    private const int ShownInVerdict = 5;

    /// <summary>Writes the lines and the verdict; true when every check holds.</summary>
    public static bool Write(IReadOnlyList<CheckLine> lines, TextWriter output)
    {
        var width = lines.Count == 0 ? 0 : lines.Max(l => l.Check.Length);
        foreach (var line in Folded(lines))
        {
            output.WriteLine($"{Status(line.Status),-5} {line.Check.PadRight(width)}  {line.Subject}: {line.Detail}");
        }

        var failed = lines.Where(l => l.Status == CheckStatus.Fail).ToList();
        var checks = lines.Count(l => l.Status != CheckStatus.Note);
        var notes = lines.Count(l => l.Status == CheckStatus.Note);
        var noted = notes == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" ({notes} note{(notes == 1 ? "" : "s")})");
        if (failed.Count == 0)
        {
            output.WriteLine($"Verdict: PASS — {(checks == 1 ? "the one check holds" : $"all {checks} checks hold")}{noted}");
            return true;
        }

        var named = failed.Select(l => $"{l.Check} {l.Subject}").Distinct(StringComparer.Ordinal).ToList();
        var shown = string.Join("; ", named.Take(ShownInVerdict)) + (named.Count > ShownInVerdict ? $"; … ({named.Count - ShownInVerdict} more)" : "");
        output.WriteLine($"Verdict: FAIL — {failed.Count} of {checks} checks differ{noted}: {shown}");
        return false;
    }

    private static string Status(CheckStatus status) => status switch
    {
        CheckStatus.Ok => "ok",
        CheckStatus.Fail => "FAIL",
        _ => "note",
    };

    /// <summary>The lines in order, each fold's holding lines (and its notes that say the same) replaced by one, where the first stood.</summary>
    private static IEnumerable<CheckLine> Folded(IReadOnlyList<CheckLine> lines)
    {
        static bool Folds(CheckLine line) => line.Fold is not null && line.Status != CheckStatus.Fail;
        static (string, string?, CheckStatus, string) Key(CheckLine line) => (line.Check, line.Fold, line.Status, line.Status == CheckStatus.Note ? line.Detail : "");

        var groups = lines.Where(Folds).GroupBy(Key).ToDictionary(g => g.Key, g => g.ToList());
        var printed = new HashSet<(string, string?, CheckStatus, string)>();
        foreach (var line in lines)
        {
            if (!Folds(line))
            {
                yield return line;
            }
            else if (printed.Add(Key(line)))
            {
                var group = groups[Key(line)];
                yield return group.Count == 1 ? line : Fold(group);
            }
        }
    }

    private static CheckLine Fold(List<CheckLine> group)
    {
        var first = group[0];
        var same = group.All(l => l.Detail == first.Detail);
        var files = string.Create(CultureInfo.InvariantCulture, $"{group.Count} files");
        return first with { Subject = first.Fold!, Detail = same ? $"{files}, each: {first.Detail}" : $"{files}, each holds" };
    }
}
