using PortCompliance.Core.Model;

namespace PortCompliance.Core.Tests.Support;

/// <summary>
/// The promise that no line is lost: every non-blank line is exactly one of a header, part of a socket,
/// a skipped row, or an unparsed line — and nothing else is claimed.
/// </summary>
internal static class LineAccounting
{
    public static void AssertComplete(HostSnapshot snapshot, string text)
    {
        var problem = Check(snapshot, text);
        Assert.True(problem is null, $"{snapshot.Source}: {problem}");
    }

    /// <summary>Null when every line is accounted for exactly once, else what is wrong.</summary>
    public static string? Check(HostSnapshot snapshot, string text)
    {
        var physical = PhysicalLines(text);
        var claims = new Dictionary<int, string>();
        foreach (var line in snapshot.HeaderLines)
        {
            if (!Claim(claims, line, "header", out var clash)) return clash;
        }

        foreach (var socket in snapshot.Sockets)
        {
            // Detail lines follow their row; only blank lines may sit between them.
            for (var line = socket.Line; line <= socket.LastLine; line++)
            {
                if (line <= physical.Count && string.IsNullOrWhiteSpace(physical[line - 1])) continue;
                // A compressed JSON array holds several sockets on one line: still one fate, socket.
                if (claims.GetValueOrDefault(line) == "socket" && socket.Line == socket.LastLine) continue;
                if (!Claim(claims, line, "socket", out var clash)) return clash;
            }
        }

        foreach (var line in snapshot.FoldedLines)
        {
            if (!Claim(claims, line, "folded into a socket", out var clash)) return clash;
        }

        foreach (var skipped in snapshot.Skipped)
        {
            if (!Claim(claims, skipped.Line, "skipped", out var clash)) return clash;
        }

        foreach (var unparsed in snapshot.Unparsed)
        {
            if (!Claim(claims, unparsed.Line, "unparsed", out var clash)) return clash;
        }

        for (var i = 0; i < physical.Count; i++)
        {
            var number = i + 1;
            var blank = string.IsNullOrWhiteSpace(physical[i]);
            if (!blank && !claims.ContainsKey(number)) return $"line {number} is not accounted for: '{physical[i]}'";
            if (blank && claims.TryGetValue(number, out var kind)) return $"blank line {number} is claimed as {kind}";
        }

        var beyond = claims.Keys.Where(k => k > physical.Count).ToList();
        if (beyond.Count > 0) return $"lines past the end are claimed: {string.Join(",", beyond)}";
        return snapshot.LineCount == physical.Count ? null : $"line count {snapshot.LineCount}, expected {physical.Count}";
    }

    /// <summary>Lines as <see cref="StreamReader.ReadLine"/> sees them: split on \r\n, \n or \r.</summary>
    public static List<string> PhysicalLines(string text)
    {
        var lines = new List<string>();
        using var reader = new StringReader(text.StartsWith('\uFEFF') ? text[1..] : text); // the decoder drops one BOM; a second one is content
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    private static bool Claim(Dictionary<int, string> claims, int line, string kind, out string? clash)
    {
        clash = claims.TryGetValue(line, out var other) ? $"line {line} is both {other} and {kind}" : null;
        claims.TryAdd(line, kind);
        return clash is null;
    }
}
