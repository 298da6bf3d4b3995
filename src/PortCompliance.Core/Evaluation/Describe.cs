using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;

namespace PortCompliance.Core.Evaluation;

/// <summary>How findings name sockets in prose: <c>tcp [::]:5432</c>, <c>PostgreSQL (postgres, pid 812)</c>.</summary>
internal static class Describe
{
    public static string Endpoint(ListeningSocket s)
    {
        var inside = s.Container ?? s.Namespace;
        return $"{s.Proto.Label()} {Endpoints.Format(s.Address, s.Interface, s.Port)}{(inside is null ? "" : $" in {inside}")}" +
               (s.Truncated ? " (the listing tool cut this address short; it is shown as printed)" : "");
    }

    public static string Processes(ListeningSocket s) => s.Processes.Count == 0
        ? "an unknown process"
        : SocketProcesses.Describe(s.Processes, "pid ");

    /// <summary>The service if known, else the process, else the port.</summary>
    public static string What(ListeningSocket s, CatalogueService? service) =>
        service is not null
            ? s.Processes.Count > 0 ? $"{service.Name} ({Processes(s)})" : service.Name
            : s.Processes.Count > 0 ? Processes(s) : $"An unidentified listener on {s.Proto.Label()} port {s.Port}";
}
