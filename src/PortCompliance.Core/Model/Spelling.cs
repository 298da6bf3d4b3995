namespace PortCompliance.Core.Model;

/// <summary>"Did you mean …?": the word a typo most likely meant, for policy keys and command lines alike.</summary>
public static class Spelling
{
    /// <summary>The candidate fewest edits away, within <paramref name="maxEdits"/>; on a tie, the first listed.</summary>
    public static string? Nearest(string word, IEnumerable<string> candidates, int maxEdits = 2)
    {
        var scored = candidates.Select(c => (Candidate: c, Edits: Distance(word, c))).Where(x => x.Edits <= maxEdits).OrderBy(x => x.Edits).ToList();
        return scored.Count > 0 ? scored[0].Candidate : null;
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions each count one.</summary>
    public static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
