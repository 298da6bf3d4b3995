using System.Net;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest.Live;

/// <summary>One socket as the kernel reports it, before owners and names are attached.</summary>
internal sealed record KernelSocket(
    Protocol Proto,
    IPAddress Address,
    int Port,
    KernelState State,
    int InterfaceIndex,
    ulong Inode,
    int Uid)
{
    /// <summary>IPV6_V6ONLY for an IPv6 socket when the source knows it (netlink does, /proc does not).</summary>
    public bool? V6Only { get; init; }

    /// <summary>What <c>ss -l</c> lists: TCP in LISTEN, UDP bound and unconnected.</summary>
    public bool IsListening => Proto == Protocol.Tcp ? State == KernelState.Listen : State == KernelState.Close;
}

/// <summary>The kernel's TCP states (include/net/tcp_states.h); UDP uses Established and Close.</summary>
internal enum KernelState
{
    Established = 1,
    SynSent = 2,
    SynRecv = 3,
    FinWait1 = 4,
    FinWait2 = 5,
    TimeWait = 6,
    Close = 7,
    CloseWait = 8,
    LastAck = 9,
    Listen = 10,
    Closing = 11,
    NewSynRecv = 12,
}
