using System.Collections.Frozen;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>
/// FreeBSD <c>sockstat</c>: <c>-l</c>, <c>-4</c>, <c>-6</c>, plain (connections skipped), with a JAIL or state column
/// where newer releases print them; <c>? ? ? ?</c> rows (no process), one row per worker or fd folded into its socket,
/// old releases' <c>tcp4 6</c> and columns run together, unix-domain rows skipped.
/// </summary>
internal sealed class SockstatParser(SnapshotBuilder output) : IListingParser, IListingFormat
{
    public static string Key => "sockstat";

    public static string Description => "FreeBSD sockstat (-l, -4l, -6l, -j, plain …)";

    public static HostOs Os => HostOs.FreeBsd;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> UnixTypes = Words.Of(
        "stream", "dgram", "seqpac", "seqpacket");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OtherInet = Words.Of(
        "sctp4", "sctp6", "sctp46", "udplite4", "udplite6", "udplite46");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TcpStates = Words.BsdTcpStates;

    private readonly Dictionary<(Protocol, IpFamily, string, string?, int), int> _seen = [];
    private bool _jail;

    public static IListingParser Create(SnapshotBuilder output) => new SockstatParser(output);

    public static Signature Sniff(ReadOnlySpan<char> line)
    {
        if (IsHeader(line))
        {
            return Signature.Header;
        }

        return SockstatRow.TryFind(line, jail: false, out var row) && row.Proto.Length > 0 && !UnixTypes.Contains(row.Proto)
               && row.After.Contains(':')
            ? Signature.Row
            : Signature.None;
    }

    public void Accept(int number, ReadOnlySpan<char> line)
    {
        if (IsHeader(line))
        {
            _jail = line.Contains(" JAIL ", StringComparison.Ordinal);
            output.AddHeader(number);
            return;
        }

        if (!SockstatRow.TryFind(line, _jail, out var row))
        {
            output.AddUnparsed(number, line, "not a sockstat row (USER COMMAND PID FD PROTO LOCAL FOREIGN)");
            return;
        }

        if (UnixTypes.Contains(row.Proto))
        {
            output.AddSkipped(number, "unix-domain socket");
            return;
        }

        if (OtherInet.Contains(row.Proto))
        {
            output.AddSkipped(number, $"{row.Proto} socket: only TCP and UDP are audited");
            return;
        }

        if (!TryProtocol(row.Proto, out var proto, out var family))
        {
            output.AddUnparsed(number, line, $"unknown protocol '{Excerpt.Of(row.Proto)}'");
            return;
        }

        ReadSocket(number, line, row, proto, family);
    }

    private void ReadSocket(int number, ReadOnlySpan<char> line, SockstatRow row, Protocol proto, IpFamily family)
    {
        var cursor = new TokenCursor(row.After);
        cursor.Next(out var local);
        if (local is "6" && family == IpFamily.IPv4)
        {
            family = IpFamily.Any; // old sockstat prints a dual-stack socket as "tcp4 6"
            cursor.Next(out local);
        }

        if (!cursor.Next(out var foreign))
        {
            output.AddUnparsed(number, line, local.IsEmpty
                ? "the row ends after its protocol"
                : "one address where two belong: the local and foreign addresses run together, or the foreign one is missing");
            return;
        }

        // Read before the row is judged: a row of another tool must not be skipped for a column it only resembles.
        if (!Endpoint.TryParse(local, proto, family, output.Interner, out var endpoint, out var error)
            || !row.TryProcess(output.Interner, out var process, out error))
        {
            output.AddUnparsed(number, line, error);
            return;
        }

        if (foreign is not "*:*" && !IsPeer(foreign))
        {
            output.AddUnparsed(number, line, $"foreign address '{Excerpt.Of(foreign)}' is no address:port (the row may be cut short)");
            return;
        }

        if (cursor.Next(out var state) && proto == Protocol.Tcp && TcpStates.Contains(state) && state is not "LISTEN")
        {
            output.AddSkipped(number, $"not listening ({state})");
            return;
        }

        if (foreign is not "*:*")
        {
            output.AddSkipped(number, proto == Protocol.Udp ? "connected UDP socket" : "not listening (connected)");
            return;
        }

        if (endpoint.Address is "*")
        {
            endpoint = endpoint with { Family = family };
        }

        var key = (proto, endpoint.Family, endpoint.Address, endpoint.Interface, endpoint.Port);
        if (process is not null && _seen.TryGetValue(key, out var index))
        {
            output.Fold(index, number, process);
            return;
        }

        if (process is not null)
        {
            _seen[key] = output.SocketCount;
        }

        output.AddSocket(number, line, proto, endpoint, process is null ? [] : One(process));
    }

    private IReadOnlyList<SocketProcess> One(SocketProcess process)
    {
        var set = output.Interner.StartProcessSet();
        set.Add(process);
        return output.Interner.ProcessSet(set);
    }

    /// <summary>A peer as sockstat prints one: <c>192.168.5.4:55525</c>, <c>[::1]:22</c>, <c>::1:22</c>; a port after the last colon.</summary>
    private static bool IsPeer(ReadOnlySpan<char> foreign)
    {
        var colon = foreign.LastIndexOf(':');
        return colon > 0 && colon < foreign.Length - 1 && !foreign[(colon + 1)..].ContainsAnyExceptInRange('0', '9');
    }

    private static bool TryProtocol(ReadOnlySpan<char> token, out Protocol proto, out IpFamily family)
    {
        proto = token.StartsWith("udp") ? Protocol.Udp : Protocol.Tcp;
        family = IpFamily.IPv4;
        if (!token.StartsWith("tcp") && !token.StartsWith("udp"))
        {
            return false;
        }

        switch (token[3..])
        {
            case "4":
                return true;
            case "6":
                family = IpFamily.IPv6;
                return true;
            case "46":
                family = IpFamily.Any;
                return true;
            default:
                return false;
        }
    }

    private static bool IsHeader(ReadOnlySpan<char> line)
    {
        var trimmed = TokenCursor.Trim(line);
        return trimmed.StartsWith("USER ") && trimmed.Contains(" COMMAND ", StringComparison.Ordinal)
            && trimmed.Contains(" PROTO ", StringComparison.Ordinal) && trimmed.Contains("LOCAL ADDRESS", StringComparison.Ordinal);
    }

    /// <summary>Whether <paramref name="proto"/> is one sockstat prints, for finding the PROTO column in a row.</summary>
    internal static bool IsProto(ReadOnlySpan<char> proto) =>
        UnixTypes.Contains(proto) || OtherInet.Contains(proto) || TryProtocol(proto, out _, out _);
}
