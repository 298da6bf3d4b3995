using System.Collections.Frozen;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>
/// macOS, FreeBSD and OpenBSD <c>netstat</c>: <c>-an</c>, <c>-a</c> (names), <c>-anv</c> (pid or process:pid),
/// <c>-A</c> (PCB columns first), <c>-W</c>, <c>-f inet</c>; dotted ports, <c>tcp4</c>/<c>tcp6</c>/<c>tcp46</c>, and the
/// unix-domain, multipath and kernel sections that follow, skipped with their reason.
/// </summary>
internal sealed class BsdNetstatParser(SnapshotBuilder output) : IListingParser, IListingFormat
{
    public static string Key => "bsd-netstat";

    public static string Description => "macOS, FreeBSD, OpenBSD netstat (-an, -anv, -A, -W, -f inet …)";

    public static HostOs Os => HostOs.Unknown;

    /// <summary>
    /// The other protocols BSD netstat lists among Internet sockets (macOS's icm6, FreeBSD's sctp and divert): skipped
    /// by name. Any other word there is no row we know, so it is unparsed, never skipped on a guess.
    /// </summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OtherProtocols = Words.Of(
        "icm4", "icm6", "icmp", "icmp4", "icmp6", "ip", "ip4", "ip6", "ip46", "raw", "raw4", "raw6", "raw46", "divert", "div4",
        "div6", "sctp", "sctp4", "sctp6", "sctp46", "udpl", "udplite", "udplite4", "udplite6", "igmp", "gre", "esp", "ah", "pim",
        "carp", "pfsync", "encap", "ipx", "ddp", "atalk", "natm");

    /// <summary>What rows of macOS's kernel sections start with (<c>kevt 0 0 1 1 0</c>, <c>kctl 0 0 …</c>); another word is no row of theirs.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SectionProtocols = Words.Of(
        "kevt", "kctl", "ndrv", "vsock", "systm", "route", "key", "unix", "stream", "dgram", "seqpacket");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TcpStates = Words.BsdTcpStates;

    private BsdNetstatProcess _columns = BsdNetstatProcess.Unknown;
    private string? _section; // null: an Internet section; else why its rows are skipped
    private bool _sectionHeaderDue;
    private bool _sawFourOrSix;

    public static IListingParser Create(SnapshotBuilder output) => new BsdNetstatParser(output);

    public static Signature Sniff(ReadOnlySpan<char> line)
    {
        var trimmed = TokenCursor.Trim(line);
        if (trimmed is "Active Internet connections" or "Active Internet connections (including servers)"
            or "Active UNIX domain sockets" or "Active LOCAL (UNIX) domain sockets" || IsColumnHeader(trimmed)
            && trimmed.Contains("(state)", StringComparison.Ordinal))
        {
            return Signature.Header;
        }

        var cursor = new TokenCursor(trimmed);
        return TryRowStart(ref cursor, out var proto, out _, out _) && cursor.Next(out var local)
               && (proto.EndsWith('4') || IsDotted(local))
            ? Signature.Row
            : Signature.None;
    }

    public void Accept(int number, ReadOnlySpan<char> line)
    {
        var trimmed = TokenCursor.Trim(line);
        if (trimmed.StartsWith("Active ") || trimmed.StartsWith("Registered kernel control modules"))
        {
            EnterSection(trimmed);
            output.AddNote(number); // a title alone, cut before its column header, is no listing
            return;
        }

        if (IsColumnHeader(trimmed) || _sectionHeaderDue && _section is not null && !trimmed.ContainsAnyInRange('0', '9'))
        {
            ReadColumnHeader(trimmed);
            output.AddHeader(number);
            return;
        }

        _sectionHeaderDue = false;
        var cursor = new TokenCursor(trimmed);
        if (TryRowStart(ref cursor, out var protoToken, out var proto, out var family))
        {
            ReadRow(number, line, cursor, protoToken, proto, family, cursor.Position - SendQEnd);
        }
        else if (_section is not null && IsSectionRow(trimmed, countsFirst: _section.StartsWith("kernel control module", StringComparison.Ordinal)))
        {
            output.AddSkipped(number, _section);
        }
        else if (_section is null && cursor.Next(out var other) && OtherProtocols.Contains(other) && cursor.Next(out var recvQ) && IsCount(recvQ))
        {
            output.AddSkipped(number, $"{other} socket: only TCP and UDP are audited");
        }
        else
        {
            output.AddUnparsed(number, line, "not a netstat row");
        }
    }

    /// <param name="protoStart">Where the protocol column starts if the counts are printed aligned (<c>%6u %6u</c>).</param>
    private void ReadRow(
        int number, ReadOnlySpan<char> line, TokenCursor cursor, ReadOnlySpan<char> protoToken, Protocol proto, IpFamily? family,
        int protoStart)
    {
        _sawFourOrSix |= protoToken.EndsWith('4') || protoToken.EndsWith('6');
        var afterSendQ = cursor.Position;
        var hasLocal = cursor.Next(out var local);
        if (hasLocal && (protoToken.EndsWith('4') || protoToken.EndsWith("46")) && output.Os == HostOs.Unknown && IsAligned(TokenCursor.Trim(line), protoStart))
        {
            output.Os = OsFromLayout(cursor.Position - local.Length - afterSendQ);
        }

        if (!hasLocal || !cursor.Next(out var foreign))
        {
            output.AddUnparsed(number, line, "the row ends before its local and foreign addresses");
            return;
        }

        if (!IsDottedOrStars(local) || !IsDottedOrStars(foreign))
        {
            // A row of another tool (Linux's 0.0.0.0:22) must not be skipped on the strength of a column it only resembles.
            output.AddUnparsed(number, line, $"'{Excerpt.Of(IsDottedOrStars(local) ? foreign : local)}' is not an address.port");
            return;
        }

        var rest = cursor.Position;
        var state = ReadOnlySpan<char>.Empty;
        if (proto == Protocol.Tcp)
        {
            if (!cursor.Next(out state) || !TcpStates.Contains(state))
            {
                output.AddUnparsed(number, line, "expected a TCP state after the foreign address");
                return;
            }

            rest = cursor.Position;
            if (state is not "LISTEN")
            {
                output.AddSkipped(number, $"not listening ({state})");
                return;
            }
        }
        else if (foreign is not "*.*")
        {
            output.AddSkipped(number, "connected UDP socket");
            return;
        }

        if (local is "*.*")
        {
            output.AddSkipped(number, "not bound to a port (*.*)");
            return;
        }

        if (!BsdEndpoint.TryParse(local, proto, family, output.Interner, out var endpoint, out var truncated, out var error)
            || !_columns.TryRead(cursor.PeekRestFrom(rest), output.Interner, out var processes, out error))
        {
            output.AddUnparsed(number, line, error);
            return;
        }

        output.AddSocket(number, line, proto, endpoint, processes, truncated);
    }

    /// <summary>
    /// <c>tcp4</c>/<c>tcp46</c> (OpenBSD and NetBSD print neither) with one blank before the local address is FreeBSD,
    /// with two macOS: both print <c>tcp46</c>, so only the layout tells them apart.
    /// </summary>
    private static bool IsAligned(ReadOnlySpan<char> trimmed, int protoStart) =>
        protoStart >= 0 && trimmed[protoStart..].StartsWith("tcp") || protoStart >= 0 && trimmed[protoStart..].StartsWith("udp");

    /// <summary>Where Send-Q ends, counted from the protocol column, when netstat printed <c>%-5.5s %6u %6u</c>.</summary>
    private const int SendQEnd = 19;

    private static HostOs OsFromLayout(int blanksBeforeLocal) => blanksBeforeLocal switch
    {
        1 => HostOs.FreeBsd,
        2 => HostOs.MacOs,
        _ => HostOs.Unknown,
    };

    /// <summary>Reads any <c>-A</c> PCB columns, the protocol and Recv-Q/Send-Q; the cursor is left on the local address.</summary>
    private static bool TryRowStart(ref TokenCursor cursor, out ReadOnlySpan<char> protoToken, out Protocol proto, out IpFamily? family)
    {
        (proto, family) = (Protocol.Tcp, null);
        var start = cursor;
        for (var pcbColumns = 0; cursor.Next(out protoToken); pcbColumns++)
        {
            if (TryProtocol(protoToken, out proto, out family))
            {
                return cursor.Next(out var recvQ) && IsCount(recvQ) && cursor.Next(out var sendQ) && IsCount(sendQ);
            }

            if (pcbColumns == 2 || !IsPcbAddress(protoToken))
            {
                break;
            }
        }

        cursor = start;
        protoToken = default;
        return false;
    }

    private static bool TryProtocol(ReadOnlySpan<char> token, out Protocol proto, out IpFamily? family)
    {
        proto = token.StartsWith("udp") ? Protocol.Udp : Protocol.Tcp;
        family = null;
        if (!token.StartsWith("tcp") && !token.StartsWith("udp"))
        {
            return false;
        }

        switch (token[3..])
        {
            case "" or "4": // OpenBSD's bare tcp is IPv4: it prints tcp6 for the other
                family = IpFamily.IPv4;
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

    private void EnterSection(ReadOnlySpan<char> title)
    {
        _sectionHeaderDue = true;
        if (title.StartsWith("Active Internet connections") || title.StartsWith("Active Internet6 connections"))
        {
            _section = null;
            return;
        }

        if (title.Contains("UNIX", StringComparison.Ordinal))
        {
            _section = "unix-domain socket";
            if (title.Contains("LOCAL (UNIX)", StringComparison.Ordinal))
            {
                output.Os = HostOs.MacOs;
            }
            else if (output.Os == HostOs.Unknown && _sawFourOrSix && title is "Active UNIX domain sockets")
            {
                // OpenBSD prints tcp, not tcp4; macOS calls this section LOCAL (UNIX): what is left is FreeBSD.
                output.Os = HostOs.FreeBsd;
            }

            return;
        }

        _section = title.StartsWith("Active Multipath") ? "multipath connection: its subflows are listed as TCP rows"
            : title.StartsWith("Registered kernel control") ? "kernel control module: not a network socket"
            : title.Contains("kernel", StringComparison.Ordinal) || title.Contains("Netgraph", StringComparison.Ordinal)
              || title.Contains("vsock", StringComparison.OrdinalIgnoreCase) || title.Contains("Bluetooth", StringComparison.Ordinal)
                ? "kernel or other non-Internet socket: only TCP and UDP are audited"
                : null; // a title we do not know: its rows are read as Internet rows, and what is none is unparsed
    }

    private void ReadColumnHeader(ReadOnlySpan<char> header)
    {
        _sectionHeaderDue = false;
        if (_section is null && header.Contains("Local Address", StringComparison.Ordinal))
        {
            _columns = BsdNetstatProcess.FromHeader(header);
            if (BsdNetstatProcess.IsMacOsHeader(header))
            {
                output.Os = HostOs.MacOs;
            }
        }
    }

    /// <summary>
    /// A row of a unix-domain or kernel section: a socket address first (<c>fffff80012530600 stream …</c>), a number
    /// (<c>1 9 0 131072 …</c>, kernel control modules) or a protocol word and a count (<c>kctl 0 0 …</c>).
    /// Anything else there is no row of theirs, and is reported.
    /// </summary>
    /// <param name="countsFirst">The section's rows start with a number (macOS's kernel control modules: id, flags …).</param>
    private static bool IsSectionRow(ReadOnlySpan<char> trimmed, bool countsFirst)
    {
        var cursor = new TokenCursor(trimmed);
        cursor.Next(out var first);
        return IsPcbAddress(first) || countsFirst && IsKernelControlRow(trimmed) || SectionProtocols.Contains(first) && cursor.Next(out var count) && IsCount(count);
    }

    /// <summary>macOS's <c>id flags pcbcount rcvbuf sndbuf name</c>: five counts, then the module's reverse-DNS name.</summary>
    private static bool IsKernelControlRow(ReadOnlySpan<char> trimmed)
    {
        var cursor = new TokenCursor(trimmed);
        for (var i = 0; i < 5; i++)
        {
            if (!cursor.Next(out var count) || !IsCount(count))
            {
                return false;
            }
        }

        return cursor.Next(out var name) && name.Contains('.') && !name.ContainsAny(":*") && !cursor.Next(out _);
    }

    /// <summary><c>Proto Recv-Q Send-Q  Local Address …</c>, with <c>-A</c>'s <c>Socket</c>/<c>Tcpcb</c> columns first.</summary>
    private static bool IsColumnHeader(ReadOnlySpan<char> trimmed) =>
        trimmed.Contains("Proto", StringComparison.Ordinal) && trimmed.Contains("Recv-Q", StringComparison.Ordinal)
        && trimmed.Contains("Local Address", StringComparison.Ordinal);

    /// <summary>The port after the last dot: <c>*.22</c>, <c>::1.631</c>, never Linux's <c>0.0.0.0:22</c>.</summary>
    private static bool IsDotted(ReadOnlySpan<char> token)
    {
        var dot = token.LastIndexOf('.');
        return dot > 0 && dot < token.Length - 1 && token.LastIndexOf(':') < dot;
    }

    private static bool IsDottedOrStars(ReadOnlySpan<char> token) => token is "*.*" || IsDotted(token);

    private static bool IsPcbAddress(ReadOnlySpan<char> token) =>
        token.Length >= 8 && !token.ContainsAnyExcept(Hex);

    private static readonly System.Buffers.SearchValues<char> Hex = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>Another protocol's name (<c>ip</c>, <c>icm6</c>, <c>kevt</c>): short, lowercase, a letter first.</summary>
    private static bool IsWord(ReadOnlySpan<char> token)
    {
        if (token.Length > 8)
        {
            return false;
        }

        foreach (var c in token)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return token.Length > 0 && char.IsAsciiLetterLower(token[0]);
    }

    private static bool IsCount(ReadOnlySpan<char> token) =>
        token.Length > 0 && !token.ContainsAnyExceptInRange('0', '9');
}
