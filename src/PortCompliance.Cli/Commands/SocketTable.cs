using PortCompliance.Core.Model;

namespace PortCompliance.Cli.Commands;

/// <summary>The human view of <c>parse</c>: one aligned row per socket, then what each input left unread.</summary>
internal static class SocketTable
{
    private static readonly string[] Titles = ["HOST", "PROTO", "ADDRESS", "PORT", "IFACE", "SCOPE", "PROCESSES", "NAMESPACE", "LINE"];

    public static void Write(IReadOnlyList<HostSnapshot> snapshots, TextWriter output)
    {
        var rows = snapshots
            .SelectMany(s => s.Sockets.Select(socket => Row(s.Host, socket)))
            .Prepend(Titles)
            .ToList();
        var widths = Enumerable.Range(0, Titles.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd());
        }

        output.WriteLine();
        foreach (var s in snapshots)
        {
            output.WriteLine(
                $"{s.Host}: {s.Sockets.Count} listening, {s.Skipped.Count} skipped, {s.Unparsed.Count} unparsed " +
                $"({s.Format} on {s.Os.Label()}, {s.Source}, sha256 {s.Sha256[..12]}…)");
        }
    }

    private static string[] Row(string host, ListeningSocket s) =>
    [
        host,
        s.Proto.ToString().ToLowerInvariant(),
        s.Truncated ? $"{s.Address} (cut)" : s.Address,
        s.PortName is null ? s.Port.ToString() : $"{s.Port} ({s.PortName})",
        s.Interface ?? "",
        s.Scope.ToString().ToLowerInvariant(),
        s.Processes.Count == 0 ? "?" : string.Join(",", s.Processes.Select(p => p.Pid is null ? p.Name : p.Name is null ? $"pid {p.Pid}" : $"{p.Name}/{p.Pid}")),
        s.Container ?? s.Namespace ?? "",
        s.Line.ToString(),
    ];
}
