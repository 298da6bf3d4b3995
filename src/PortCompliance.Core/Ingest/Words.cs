using System.Collections.Frozen;

namespace PortCompliance.Core.Ingest;

/// <summary>A fixed set of words a parser looks tokens up in, by span: no string made per line.</summary>
internal static class Words
{
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Of(params string[] words) =>
        words.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The TCP states BSD's <c>netstat</c> and <c>sockstat</c> print (<c>sys/netinet/tcp_fsm.h</c>).</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BsdTcpStates = Of(
        "CLOSED", "LISTEN", "SYN_SENT", "SYN_RCVD", "ESTABLISHED", "CLOSE_WAIT", "FIN_WAIT_1", "CLOSING",
        "LAST_ACK", "FIN_WAIT_2", "TIME_WAIT");
}
