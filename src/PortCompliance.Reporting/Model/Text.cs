using PortCompliance.Core.Model;

namespace PortCompliance.Reporting.Model;

/// <summary>How reports write sockets and processes for people.</summary>
internal static class Text
{
    public static string Processes(IReadOnlyList<SocketProcess> processes) =>
        processes.Count == 0
            ? "—"
            : string.Join(", ", processes.GroupBy(p => p.Name).Select(g =>
                $"{g.Key} ({string.Join(", ", g.Select(p => p.Pid?.ToString() ?? "?"))})"));
}
