namespace PortCompliance.Core.Model;

/// <summary>
/// A process holding a socket, named exactly as the listing shows it; <paramref name="Name"/> null when the listing gives
/// only a pid (Windows <c>netstat -ano</c>), <paramref name="Pid"/> null when it gives only a name.
/// </summary>
public sealed record SocketProcess(string? Name, int? Pid);

/// <summary>How prose and tables name a socket's processes: <c>postgres (pid 812, 813)</c>, a pid alone as <c>pid 1712</c>.</summary>
public static class SocketProcesses
{
    /// <param name="pidPrefix">What stands before a named process's pids: <c>"pid "</c> in prose, <c>""</c> in a table.</param>
    public static string Describe(IReadOnlyList<SocketProcess> processes, string pidPrefix) =>
        string.Join(", ", processes.GroupBy(p => p.Name).Select(g =>
        {
            var pids = string.Join(", ", g.Select(p => p.Pid?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"));
            return g.Key is null ? $"pid {pids}" : $"{g.Key} ({pidPrefix}{pids})";
        }));

    /// <summary>The name, or <c>pid N</c> for a process the listing names by pid alone.</summary>
    public static string NameOrPid(this SocketProcess process) => process.Name ?? $"pid {process.Pid}";
}
