using System.Collections.Frozen;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>
/// <c>lsof</c> on Linux, macOS and FreeBSD: <c>-i -P -n</c>, <c>-iTCP -sTCP:LISTEN</c>, <c>-i4</c>/<c>-i6</c>, with or
/// without <c>-P</c>/<c>-n</c>, the TID/TASKCMD columns of <c>-K</c>, <c>+c 0</c> names, and lsof's own warnings. lsof
/// prints one row per process, thread and descriptor: rows of one socket (same DEVICE and NAME) fold into it.
/// </summary>
internal sealed class LsofParser(SnapshotBuilder output) : IListingParser, IListingFormat
{
    public static string Key => "lsof";

    public static string Description => "lsof (-i -P -n, -iTCP -sTCP:LISTEN, -i4/-i6, -K, +c 0 …)";

    public static HostOs Os => HostOs.Unknown;

    /// <summary>TYPE values of files that are no internet socket: a full <c>lsof</c> lists them beside the sockets.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OtherTypes = Words.Of(
        "unix", "REG", "DIR", "CHR", "BLK", "FIFO", "PIPE", "LINK", "sock", "a_inode", "netlink", "KQUEUE", "systm",
        "unknown", "NOFD", "raw", "raw6", "ax25", "ipx", "key", "ndrv", "rte", "PSXSHM", "PSXSEM", "VREG", "VDIR", "VCHR",
        "NPOLICY", "ATALK", "pack");

    /// <summary>The socket each DEVICE and address already read became, so later rows of it fold in.</summary>
    private readonly Dictionary<(string Device, Protocol Proto, string Address), int> _seen = [];

    private bool _osTold;

    public static IListingParser Create(SnapshotBuilder output) => new LsofParser(output);

    public static Signature Sniff(ReadOnlySpan<char> line)
    {
        var trimmed = TokenCursor.Trim(line);
        if (IsHeader(trimmed) || IsNote(trimmed))
        {
            return Signature.Header;
        }

        return Read(trimmed, out var row) == RowShape.Inet && row.Proto is not null ? Signature.Row : Signature.None;
    }

    public void Accept(int number, ReadOnlySpan<char> line)
    {
        var trimmed = TokenCursor.Trim(line);
        if (IsHeader(trimmed))
        {
            output.AddHeader(number);
            return;
        }

        if (IsNote(trimmed))
        {
            output.AddNote(number); // a warning alone is no listing: lsof printed no socket, not even its header
            return;
        }

        switch (Read(trimmed, out var row))
        {
            case RowShape.Inet:
                break;
            case RowShape.Unix:
                output.AddSkipped(number, "unix-domain socket");
                return;
            case RowShape.OtherFile:
                output.AddSkipped(number, $"{row.Type} file: not an internet socket");
                return;
            default:
                output.AddUnparsed(number, line, row.Error);
                return;
        }

        if (row.Proto is not { } proto)
        {
            output.AddSkipped(number, $"{row.Node} socket: only TCP and UDP are audited");
            return;
        }

        TellOs(row);
        var connected = SplitName(row.Name, out var address, out var state);
        if (proto == Protocol.Tcp && !(state is "LISTEN" && !connected))
        {
            if (state.IsEmpty && !connected)
            {
                output.AddUnparsed(number, line, "a TCP row without a state in its NAME: whether it listens cannot be told");
            }
            else
            {
                output.AddSkipped(number, state.IsEmpty ? "not listening (connected)" : $"not listening ({state})");
            }

            return;
        }

        if (proto == Protocol.Udp && connected)
        {
            output.AddSkipped(number, "connected UDP socket");
            return;
        }

        if (address is "*:*")
        {
            output.AddSkipped(number, "UDP socket bound to no port (*:*)");
            return;
        }

        AddOrFold(number, line, row, proto, address);
    }

    private void AddOrFold(int number, ReadOnlySpan<char> line, in Row row, Protocol proto, ReadOnlySpan<char> address)
    {
        var pool = output.Interner;
        var process = pool.Process(row.Command, row.Pid);
        var key = (pool.String(row.Device), proto, pool.String(address));
        if (_seen.TryGetValue(key, out var index))
        {
            output.Fold(index, number, process);
            return;
        }

        var family = row.Type is "IPv6" ? IpFamily.IPv6 : IpFamily.IPv4;
        if (!TryParseAddress(address, proto, family, pool, out var endpoint, out var error))
        {
            output.AddUnparsed(number, line, error.Replace("capture with -n", "capture with -P", StringComparison.Ordinal)); // lsof's flag for port numbers
            return;
        }

        if (endpoint.Address is "*")
        {
            endpoint = endpoint with { Family = family }; // lsof's TYPE says which stack the wildcard is on
        }

        var set = pool.StartProcessSet();
        set.Add(process);
        _seen[key] = output.SocketCount;
        output.AddSocket(number, line, proto, endpoint, pool.ProcessSet(set));
    }

    /// <summary>
    /// An address with its zone inside the brackets (<c>[fe80::1%eth0]:123</c>) is rewritten on the stack to the form
    /// <see cref="Endpoint"/> reads (<c>[fe80::1]%eth0:123</c>).
    /// </summary>
    private static bool TryParseAddress(
        ReadOnlySpan<char> address, Protocol proto, IpFamily family, Interner pool, out Endpoint endpoint, out string error)
    {
        var close = address.IndexOf(']');
        var percent = address.IndexOf('%');
        if (address.Length == 0 || address[0] != '[' || percent < 0 || close < percent || address.Length > 512)
        {
            return Endpoint.TryParse(address, proto, family, pool, out endpoint, out error);
        }

        Span<char> moved = stackalloc char[address.Length];
        address[..percent].CopyTo(moved);
        moved[percent] = ']';
        address[percent..close].CopyTo(moved[(percent + 1)..]);
        address[(close + 1)..].CopyTo(moved[(close + 1)..]);
        return Endpoint.TryParse(moved, proto, family, pool, out endpoint, out error);
    }

    /// <summary>DEVICE a decimal number beside SIZE/OFF <c>0t0</c> is Linux lsof; a <c>0x…</c> kernel address is macOS's or a BSD's.</summary>
    private void TellOs(in Row row)
    {
        if (_osTold)
        {
            return;
        }

        _osTold = true;
        if (row.Device.StartsWith("0x", StringComparison.Ordinal))
        {
            output.Os = HostOs.MacOs;
        }
        else if (IsCount(row.Device) && row.Size is "0t0")
        {
            output.Os = HostOs.Linux;
        }
        else
        {
            _osTold = false;
        }
    }

    /// <summary>Splits <c>127.0.0.1:22->127.0.0.1:4000 (ESTABLISHED)</c> into the local address and the state; true when a peer is shown.</summary>
    private static bool SplitName(ReadOnlySpan<char> name, out ReadOnlySpan<char> address, out ReadOnlySpan<char> state)
    {
        state = ReadOnlySpan<char>.Empty;
        var open = name.LastIndexOf(" (", StringComparison.Ordinal);
        if (open >= 0 && name.EndsWith(')'))
        {
            state = name[(open + 2)..^1];
            name = TokenCursor.Trim(name[..open]);
        }

        var arrow = name.IndexOf("->", StringComparison.Ordinal);
        address = arrow >= 0 ? name[..arrow] : name;
        return arrow >= 0;
    }

    /// <summary>Reads <c>COMMAND PID [TID [TASKCMD]] USER FD TYPE DEVICE [SIZE/OFF] NODE NAME</c>.</summary>
    private static RowShape Read(ReadOnlySpan<char> line, out Row row)
    {
        row = default;
        var cursor = new TokenCursor(line);
        if (!cursor.Next(out row.Command) || !cursor.Next(out var pid) || !IsCount(pid)
            || !int.TryParse(pid, System.Globalization.NumberStyles.None, null, out row.Pid))
        {
            row.Error = "not an lsof row (expected COMMAND and a PID)";
            return RowShape.Broken;
        }

        // TID and TASKCMD (-K) may be blank, so TYPE is found by value: after USER and FD, at most four tokens in.
        var before = 0;
        while (true)
        {
            if (!cursor.Next(out var token) || before > 4)
            {
                row.Error = "expected a TYPE (IPv4, IPv6 …) after USER and FD";
                return RowShape.Broken;
            }

            if (token is "IPv4" or "IPv6" && before >= 2)
            {
                row.Type = token;
                break;
            }

            if (OtherTypes.Contains(token) && before >= 2)
            {
                row.Type = token;
                return token is "unix" ? RowShape.Unix : RowShape.OtherFile;
            }

            before++;
        }

        if (!cursor.Next(out row.Device) || !cursor.Next(out var next))
        {
            row.Error = "the row ends before its NODE and NAME";
            return RowShape.Broken;
        }

        if (next is not ("TCP" or "UDP") && !cursor.Next(out row.Node))
        {
            row.Error = "the row ends before its NODE and NAME";
            return RowShape.Broken;
        }

        if (next is "TCP" or "UDP")
        {
            row.Node = next;
        }
        else
        {
            row.Size = next;
        }

        row.Proto = row.Node switch
        {
            "TCP" => Protocol.Tcp,
            "UDP" => Protocol.Udp,
            _ => null,
        };

        if (row.Proto is null && (row.Node.IsEmpty || row.Node.ContainsAnyExceptInRange('A', 'Z')))
        {
            row.Error = $"expected TCP or UDP in the NODE column, not '{Excerpt.Of(row.Node)}'";
            return RowShape.Broken;
        }

        row.Name = cursor.Rest;
        if (row.Name.IsEmpty)
        {
            row.Error = "the row ends before its NAME (the address)";
            return RowShape.Broken;
        }

        return RowShape.Inet;
    }

    /// <summary><c>COMMAND PID … NAME</c>, the columns split by blanks or, pasted from a terminal, by tabs.</summary>
    private static bool IsHeader(ReadOnlySpan<char> trimmed)
    {
        var cursor = new TokenCursor(trimmed);
        return cursor.Next(out var command) && command is "COMMAND" && cursor.Next(out var pid) && pid is "PID"
               && trimmed.EndsWith("NAME", StringComparison.Ordinal) && char.IsWhiteSpace(trimmed[^5]);
    }

    /// <summary>What lsof writes about itself (<c>lsof: WARNING: can't stat() …</c>, <c>Output information may be incomplete.</c>).</summary>
    private static bool IsNote(ReadOnlySpan<char> trimmed) =>
        trimmed.StartsWith("lsof: ", StringComparison.Ordinal) || trimmed is "Output information may be incomplete.";

    private static bool IsCount(ReadOnlySpan<char> token) =>
        token.Length > 0 && !token.ContainsAnyExceptInRange('0', '9');

    private enum RowShape
    {
        Broken,
        Inet,
        Unix,
        OtherFile,
    }

    private ref struct Row
    {
        public ReadOnlySpan<char> Command;
        public int Pid;
        public ReadOnlySpan<char> Type;
        public ReadOnlySpan<char> Device;
        public ReadOnlySpan<char> Size;
        public ReadOnlySpan<char> Node;
        public ReadOnlySpan<char> Name;
        public Protocol? Proto;
        public string Error;
    }
}
