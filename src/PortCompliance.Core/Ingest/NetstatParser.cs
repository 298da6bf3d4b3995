using System.Collections.Frozen;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>
/// Linux net-tools <c>netstat</c>: <c>-plunt</c>, <c>-tuln</c>, <c>-tulpnW</c>, <c>-tulpen</c> (User, Inode),
/// <c>-tunap</c>/<c>-an</c> with their non-listening and unix rows, and the notes it prints when not root.
/// </summary>
internal sealed class NetstatParser(SnapshotBuilder output) : IListingParser, IListingFormat
{
    public static string Key => "netstat";

    public static string Description => "net-tools netstat (-plunt, -tulpen, -an …)";

    public static HostOs Os => HostOs.Linux;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TcpStates = Words.Of(
        "LISTEN", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT", "CLOSE",
        "CLOSE_WAIT", "LAST_ACK", "CLOSING", "UNKNOWN");

    private static readonly string[] Notes =
    [
        "Active Internet connections",
        "Active UNIX domain sockets",
        "Active Bluetooth connections",
        "(Not all processes could be identified",
        "will not be shown, you would have to be root",
        "(No info could be read for \"-p\"",
    ];

    public static IListingParser Create(SnapshotBuilder output) => new NetstatParser(output);

    /// <summary>The notes in which netstat says it ran without root, so the audit can say why owners are missing.</summary>
    private static readonly string[] WithoutRootNotes = ["(Not all processes could be identified", "(No info could be read for \"-p\""];

    /// <summary>The second line of the first note.</summary>
    private const string WithoutRootNoteEnd = "will not be shown, you would have to be root";

    public static Signature Sniff(ReadOnlySpan<char> line)
    {
        var trimmed = MarkdownQuote.Strip(line).Trim();
        if (IsNote(trimmed))
        {
            return Signature.Header;
        }

        var cursor = new TokenCursor(trimmed);
        return cursor.Next(out var proto) && TryProtocol(proto, out _, out _)
               && cursor.Next(out var recvQ) && IsCount(recvQ) && cursor.Next(out var sendQ) && IsCount(sendQ)
            ? Signature.Row
            : Signature.None;
    }

    public void Accept(int number, ReadOnlySpan<char> line)
    {
        var trimmed = MarkdownQuote.Strip(line).Trim();
        if (trimmed.StartsWith(WithoutRootNotes[0], StringComparison.Ordinal) || trimmed.StartsWith(WithoutRootNotes[1], StringComparison.Ordinal))
        {
            output.AddWithoutRootNote(number, trimmed);
            return;
        }

        if (trimmed.StartsWith(WithoutRootNoteEnd, StringComparison.Ordinal))
        {
            output.AddNote(number);
            return;
        }

        if (IsNote(trimmed))
        {
            if (trimmed.StartsWith("Active ", StringComparison.Ordinal))
            {
                output.AddNote(number); // a title alone, cut before its column header, is no listing
            }
            else
            {
                output.AddHeader(number);
            }

            return;
        }

        var cursor = new TokenCursor(trimmed);
        cursor.Next(out var protoToken);
        if (protoToken is "unix")
        {
            output.AddSkipped(number, "unix-domain socket");
            return;
        }

        if (protoToken is "raw" or "raw6")
        {
            output.AddSkipped(number, $"{protoToken} socket: only TCP and UDP are audited");
            return;
        }

        if (!TryProtocol(protoToken, out var proto, out var family))
        {
            output.AddUnparsed(number, line, "not a netstat row");
            return;
        }

        if (!(cursor.Next(out var recvQ) && IsCount(recvQ) && cursor.Next(out var sendQ) && IsCount(sendQ)))
        {
            output.AddUnparsed(number, line, "expected Recv-Q and Send-Q numbers after the protocol");
            return;
        }

        if (!cursor.Next(out var local) || !cursor.Next(out _))
        {
            output.AddUnparsed(number, line, "the row ends before its local and foreign addresses");
            return;
        }

        var afterForeign = cursor.Position;
        var state = ReadOnlySpan<char>.Empty;
        if (cursor.Next(out var maybeState) && TcpStates.Contains(maybeState))
        {
            state = maybeState;
            afterForeign = cursor.Position;
        }
        else if (proto == Protocol.Tcp)
        {
            output.AddUnparsed(number, line, "expected a TCP state after the foreign address");
            return;
        }

        var listening = proto == Protocol.Tcp ? state is "LISTEN" : state.IsEmpty || state is "CLOSE";
        if (!listening)
        {
            output.AddSkipped(number, proto == Protocol.Udp ? $"connected UDP socket ({state})" : $"not listening ({state})");
            return;
        }

        if (!Endpoint.TryParse(local, proto, family, output.Interner, out var endpoint, out var error)
            || !NetstatProgram.TryRead(cursor.PeekRestFrom(afterForeign), output.Interner, out var processes, out error))
        {
            output.AddUnparsed(number, line, error);
            return;
        }

        output.AddSocket(number, line, proto, endpoint, processes);
    }

    private static bool TryProtocol(ReadOnlySpan<char> token, out Protocol proto, out IpFamily family)
    {
        (proto, family) = (Protocol.Tcp, IpFamily.IPv4);
        switch (token)
        {
            case "tcp":
                return true;
            case "tcp6":
                family = IpFamily.IPv6;
                return true;
            case "udp" or "udpl":
                proto = Protocol.Udp;
                return true;
            case "udp6" or "udpl6":
                (proto, family) = (Protocol.Udp, IpFamily.IPv6);
                return true;
            default:
                return false;
        }
    }

    private static bool IsNote(ReadOnlySpan<char> trimmed)
    {
        if (trimmed.StartsWith("Proto ") && (trimmed.Contains("Recv-Q", StringComparison.Ordinal)
                                              || trimmed.Contains("RefCnt", StringComparison.Ordinal)))
        {
            return true;
        }

        foreach (var note in Notes)
        {
            if (trimmed.StartsWith(note, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCount(ReadOnlySpan<char> token) =>
        token.Length > 0 && !token.ContainsAnyExceptInRange('0', '9');
}
