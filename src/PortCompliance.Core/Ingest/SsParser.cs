using System.Collections.Frozen;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>
/// iproute2 <c>ss</c> output in every variant seen on real systems: with or without the Netid column,
/// with <c>-H</c>, <c>-e</c>, <c>-i</c>/<c>-m</c> detail lines, <c>-a</c> rows, old and new address and users forms.
/// </summary>
internal sealed class SsParser(SnapshotBuilder output) : IListingParser, IListingFormat
{
    public static string Key => "ss";

    public static string Description => "iproute2 ss (-lntup, -tulnp, -a, -e, -i, -H …)";

    public static HostOs Os => HostOs.Linux;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> States = Words.Of(
        "LISTEN", "UNCONN", "ESTAB", "SYN-SENT", "SYN-RECV", "FIN-WAIT-1", "FIN-WAIT-2", "TIME-WAIT",
        "CLOSE-WAIT", "LAST-ACK", "CLOSING", "CLOSED", "UNKNOWN", "BOUND", "CONNECTED");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Netids = Words.Of(
        "tcp", "udp", "raw", "u_str", "u_dgr", "u_seq", "nl", "p_raw", "p_dgr", "v_str", "v_dgr",
        "sctp", "dccp", "mptcp", "tipc", "xdp", "icmp6", "u_seqpacket");

    /// <summary>The header had neither Netid nor State (very old ss): rows start with Recv-Q.</summary>
    private bool _stateless;

    public static IListingParser Create(SnapshotBuilder output) => new SsParser(output);

    public static Signature Sniff(ReadOnlySpan<char> line)
    {
        line = MarkdownQuote.Strip(line);
        var cursor = new TokenCursor(line);
        if (!cursor.Next(out var first))
        {
            return Signature.None;
        }

        if (IsHeader(first, line))
        {
            return Signature.Header;
        }

        if (Netids.Contains(first) && !(cursor.Next(out first) && States.Contains(first)))
        {
            return Signature.None;
        }

        return States.Contains(first) && cursor.Next(out var recvQ) && IsCount(recvQ)
               && cursor.Next(out var sendQ) && IsCount(sendQ)
            ? Signature.Row
            : Signature.None;
    }

    public void Accept(int number, ReadOnlySpan<char> line)
    {
        var text = MarkdownQuote.Strip(line);
        if (text.IsEmpty)
        {
            output.AddUnparsed(number, line, "a Markdown quote marker with no ss row behind it");
            return;
        }

        var cursor = new TokenCursor(text);
        cursor.Next(out var first);
        if (IsHeader(first, text))
        {
            _stateless = first is "Recv-Q";
            output.AddHeader(number);
            return;
        }

        if (_stateless && IsCount(first))
        {
            ReadStatelessRow(number, line, cursor);
            return;
        }

        ReadOnlySpan<char> netid = default;
        ReadOnlySpan<char> state;
        if (Netids.Contains(first))
        {
            netid = first;
            if (!cursor.Next(out state) || !States.Contains(state))
            {
                output.AddUnparsed(number, line, $"expected a socket state after '{netid}'");
                return;
            }
        }
        else if (States.Contains(first))
        {
            state = first;
        }
        else if (output.LastRow != RowKind.None && SsDetails.IsDetailLine(text))
        {
            output.AddContinuation(number);
            return;
        }
        else
        {
            output.AddUnparsed(number, line, char.IsWhiteSpace(text[0])
                ? "an indented line that is neither an ss row nor ss -i/-m/-e details of the row above"
                : "not an ss row");
            return;
        }

        if (!(cursor.Next(out var recvQ) && IsCount(recvQ) && cursor.Next(out var sendQ) && IsCount(sendQ)))
        {
            output.AddUnparsed(number, line, "expected Recv-Q and Send-Q numbers after the state");
            return;
        }

        if (!cursor.Next(out var local) || !cursor.Next(out _))
        {
            output.AddUnparsed(number, line, "the row ends before its local and peer addresses");
            return;
        }

        if (!TryProtocol(netid, state, local, out var proto, out var skipReason))
        {
            output.AddSkipped(number, skipReason);
            return;
        }

        if (!IsListening(proto, state))
        {
            output.AddSkipped(number, proto == Protocol.Udp
                ? $"connected UDP socket ({state})"
                : $"not listening ({state})");
            return;
        }

        ReadSocket(number, line, local, proto, cursor.Rest);
    }

    /// <summary>
    /// Very old ss (<c>ss -l</c>, <c>-pl</c> of iproute2 2.6) prints neither Netid nor State: <c>Recv-Q Send-Q local peer
    /// [users]</c>, TCP only. A peer with a port is a connection (a <c>state</c> filter), not a listener.
    /// </summary>
    private void ReadStatelessRow(int number, ReadOnlySpan<char> line, TokenCursor cursor)
    {
        if (!(cursor.Next(out var sendQ) && IsCount(sendQ) && cursor.Next(out var local) && cursor.Next(out var peer)))
        {
            output.AddUnparsed(number, line, "expected Send-Q, local and peer addresses after Recv-Q");
            return;
        }

        if (!peer.EndsWith(":*"))
        {
            output.AddSkipped(number, $"not listening (connected to {Excerpt.Of(peer)})");
            return;
        }

        ReadSocket(number, line, local, Protocol.Tcp, cursor.Rest);
    }

    private void ReadSocket(int number, ReadOnlySpan<char> line, ReadOnlySpan<char> local, Protocol proto, ReadOnlySpan<char> rest)
    {
        if (!Endpoint.TryParse(local, proto, null, output.Interner, out var endpoint, out var error))
        {
            output.AddUnparsed(number, line, error);
            return;
        }

        if (!SsUsers.TryRead(rest, output.Interner, out var processes, out error))
        {
            output.AddUnparsed(number, line, error);
            return;
        }

        output.AddSocket(number, line, proto, endpoint, processes);
    }

    /// <summary>Picks the protocol from the Netid column, or — when <c>ss -lnt</c> left it out — from the state.</summary>
    private static bool TryProtocol(
        ReadOnlySpan<char> netid, ReadOnlySpan<char> state, ReadOnlySpan<char> local,
        out Protocol proto, out string skipReason)
    {
        proto = Protocol.Tcp;
        skipReason = "";
        if (netid.IsEmpty)
        {
            // Unix sockets print "path inode" where inet sockets print "address:port".
            if (!local.Contains(':'))
            {
                skipReason = "unix-domain socket";
                return false;
            }

            proto = state is "UNCONN" ? Protocol.Udp : Protocol.Tcp;
            return true;
        }

        switch (netid)
        {
            case "tcp":
                return true;
            case "udp":
                proto = Protocol.Udp;
                return true;
            case var _ when netid.StartsWith("u_"):
                skipReason = $"unix-domain socket ({netid})";
                return false;
            default:
                skipReason = $"{netid} socket ({state}): only TCP and UDP are audited";
                return false;
        }
    }

    private static bool IsListening(Protocol proto, ReadOnlySpan<char> state) =>
        proto == Protocol.Tcp ? state is "LISTEN" : state is "UNCONN";

    private static bool IsHeader(ReadOnlySpan<char> first, ReadOnlySpan<char> line) =>
        first is "Netid" or "State" && line.Contains("Recv-Q", StringComparison.Ordinal)
        || first is "Recv-Q" && line.Contains("Local Address", StringComparison.Ordinal);

    private static bool IsCount(ReadOnlySpan<char> token) =>
        token.Length > 0 && !token.ContainsAnyExceptInRange('0', '9');
}
