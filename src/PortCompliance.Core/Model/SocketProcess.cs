namespace PortCompliance.Core.Model;

/// <summary>A process holding a socket, named exactly as the listing shows it; pid null when not shown.</summary>
public sealed record SocketProcess(string Name, int? Pid);
