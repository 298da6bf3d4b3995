using System.Globalization;
using System.Text;
using System.Text.Json;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Core.Tests.Ingest;

/// <summary>
/// Every genuine listing of every format, broken the ways real collections and attackers break them (indented,
/// duplicated, cut, NUL/ESC/bidi, CRLF, BOM, very long tokens, columns swapped or deleted), reads without an
/// exception, accounts for every line, serializes to valid JSON, and never turns a readable listener into a host
/// with neither sockets nor unparsed lines. Seeded: a failure names the seed and case that reproduce it.
/// <c>PORTCOMPLIANCE_FUZZ_CASES</c> and <c>PORTCOMPLIANCE_FUZZ_SEED</c> run it longer (bench/fuzz-ingest.sh).
/// </summary>
public sealed class MutatedSampleProperties
{
    private const int DefaultCases = 3000;

    /// <summary>Every sample of every format the registry lists, and the documentation excerpts.</summary>
    private static readonly (string Path, string Text, HashSet<string> Rows)[] Sources = [.. Samples.All()
        .Where(p => Samples.Folder(p) == Samples.Mixed || ListingFormats.Keys.Contains(Samples.Folder(p)))
        .Select(p => (p, Samples.Text(p), ListeningRows(p)))];

    private static readonly Func<Random, List<string>, List<string>>[] Mutators =
    [
        (r, lines) => Edit(r, lines, l => Pick(r, ["  ", "\t", " \t", "        "]) + l),
        (r, lines) => { var i = r.Next(lines.Count); lines.Insert(i, lines[i]); return lines; },
        (r, lines) => Edit(r, lines, l => l[..r.Next(l.Length + 1)]),
        (r, lines) => Edit(r, lines, l => l.Insert(r.Next(l.Length + 1), Pick(r, ["\0", "\x1b]0;pwned\x07", "\x1b[31m", "\u202e", "\u200b", "\x0b"]))),
        (r, lines) => [.. lines.Select(l => l + "\r")],
        (r, lines) => { lines[0] = "\uFEFF" + lines[0]; return lines; },
        (r, lines) => Edit(r, lines, l => l.Insert(r.Next(l.Length + 1), new string(Pick(r, ['a', 'f', '0', ':', '(', '"', ' ']), r.Next(1_000, 70_000)))),
        (r, lines) => Edit(r, lines, l => Columns(r, l, swap: true)),
        (r, lines) => Edit(r, lines, l => Columns(r, l, swap: false)),
        (r, lines) => lines[..r.Next(lines.Count + 1)],
        (r, lines) => { lines.Insert(r.Next(lines.Count + 1), Pick(r, ["", "", "  ", "\t"]) + Pick(r, RowsOfAnyFormat)); return lines; },
        (r, lines) => [.. lines.Select(l => l.Replace(' ', '\t'))],
    ];

    [Fact]
    public void Mutated_Samples_Read_Accounted_Serializable_And_Never_Silently_Empty()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("PORTCOMPLIANCE_FUZZ_CASES"), out var n) ? n : DefaultCases;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PORTCOMPLIANCE_FUZZ_SEED"), out var s) ? s : 13;
        Assert.True(Sources.Length >= 30, $"only {Sources.Length} samples found");
        Assert.Contains(Sources, x => x.Path.Contains("/netstat/", StringComparison.Ordinal));

        for (var i = 0; i < cases; i++)
        {
            var random = new Random(unchecked(seed * 1_000_003 + i)); // not HashCode.Combine: its seed changes with every process
            var (path, original, _) = Sources[i % Sources.Length];
            var lines = original.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
            var applied = new List<int>();
            for (var m = random.Next(1, 4); m > 0 && lines.Count > 0; m--)
            {
                var which = random.Next(Mutators.Length);
                applied.Add(which);
                lines = Mutators[which](random, lines);
            }

            var text = string.Join("\n", lines);
            var problem = Check(path, text);
            if (problem is not null)
            {
                var saved = Path.Combine(Path.GetTempPath(), $"pc-mutated-{seed}-{i}.txt");
                File.WriteAllText(saved, text);
                Assert.Fail($"seed {seed}, case {i} ({path}, mutators {string.Join(",", applied)}): {problem} (the listing read: {saved})");
            }
        }
    }

    private static string? Check(string path, string text)
    {
        IngestResult result;
        try
        {
            result = ListingReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), new ListingOptions(path));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"threw {e}";
        }

        if (result.Snapshot is not { } snapshot)
        {
            // Refused whole (a NUL byte): then it must say where.
            return result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Line > 0) ? null : "no snapshot and no located error";
        }

        if (LineAccounting.Check(snapshot, text) is { } accounting)
        {
            return accounting;
        }

        try
        {
            using var _ = JsonDocument.Parse(SnapshotJson.Serialize([snapshot]));
        }
        catch (JsonException e)
        {
            return $"invalid JSON: {e.Message}";
        }

        // A genuine listening row, wherever it lands (indented, duplicated, in another format's listing), is a socket
        // row (or one folded into the socket it repeats) or an unparsed line: never a header, a skipped row, or a
        // detail of the row above.
        var physical = LineAccounting.PhysicalLines(text);
        var told = snapshot.Sockets.Select(x => x.Line).Concat(snapshot.FoldedLines).Concat(snapshot.Unparsed.Select(u => u.Line)).ToHashSet();
        for (var number = 1; number <= physical.Count; number++)
        {
            if (AllRows.Contains(physical[number - 1].Trim()) && !told.Contains(number))
            {
                return $"line {number} is a genuine listening row, yet neither a socket nor unparsed: '{physical[number - 1]}'";
            }
        }

        return snapshot.Sockets.Count == 0 && snapshot.Unparsed.Count == 0 && physical.Any(l => AllRows.Contains(l.Trim()))
            ? "a genuine listening row is in the input, yet no socket and no unparsed line came out"
            : null;
    }

    private static readonly HashSet<string> AllRows = [.. Sources.SelectMany(x => x.Rows)];

    private static string[] RowsOfAnyFormat => field ??= [.. AllRows.Order(StringComparer.Ordinal)];

    /// <summary>The sample's lines that the unmutated parser reads as listening sockets.</summary>
    private static HashSet<string> ListeningRows(string path)
    {
        var lines = LineAccounting.PhysicalLines(Samples.Text(path));
        // A record over several lines (a JSON object, a Format-List block) is not told by its first line ("{"): only rows.
        return [.. Samples.Read(path).Sockets.Where(socket => socket.LastLine == socket.Line).Select(socket => lines[socket.Line - 1].Trim())];
    }

    private static List<string> Edit(Random random, List<string> lines, Func<string, string> change)
    {
        var at = random.Next(lines.Count);
        lines[at] = change(lines[at]);
        return lines;
    }

    private static string Columns(Random random, string line, bool swap)
    {
        var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (columns.Count < 2)
        {
            return line;
        }

        var a = random.Next(columns.Count);
        var b = random.Next(columns.Count);
        if (swap)
        {
            (columns[a], columns[b]) = (columns[b], columns[a]);
        }
        else
        {
            columns.RemoveAt(a);
        }

        return string.Join(random.Next(2) == 0 ? " " : "   ", columns);
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    [Fact]
    public void Every_Mutator_Changes_Some_Sample()
    {
        // A mutator that never changes anything would make the property above vacuous for its kind of damage.
        for (var m = 0; m < Mutators.Length; m++)
        {
            var changed = Enumerable.Range(0, 50).Any(i =>
            {
                var lines = Sources[i % Sources.Length].Text.Split('\n').ToList();
                return string.Join("\n", Mutators[m](new Random(i), [.. lines])) != string.Join("\n", lines);
            });
            Assert.True(changed, string.Create(CultureInfo.InvariantCulture, $"mutator {m} never changed a sample"));
        }
    }
}
