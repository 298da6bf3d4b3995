using PortCompliance.Core.Model;

namespace PortCompliance.Reporting.Model;

/// <summary>How reports write sockets and processes for people.</summary>
internal static class Text
{
    public static string Processes(IReadOnlyList<SocketProcess> processes) =>
        processes.Count == 0
            ? "—"
            : SocketProcesses.Describe(processes, "");
}
