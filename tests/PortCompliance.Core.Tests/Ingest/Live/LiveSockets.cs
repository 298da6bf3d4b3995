namespace PortCompliance.Core.Tests.Ingest.Live;

/// <summary>
/// Tests that open sockets and start processes run one at a time: the parity test briefly lets children inherit a
/// socket, and a process another test started in that moment would hold it too.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LiveSockets
{
    public const string Name = "live sockets";
}
