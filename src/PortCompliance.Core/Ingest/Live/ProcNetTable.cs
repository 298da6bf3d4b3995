using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest.Live;

/// <summary>
/// Reads <c>/proc/net/{tcp,tcp6,udp,udp6}</c>: addresses in hex, each 32-bit word in host (little-endian) order.
/// /proc carries neither the bound device nor IPV6_V6ONLY; netlink does, so this is the fallback source.
/// </summary>
internal static class ProcNetTable
{
    public static IEnumerable<KernelSocket> Parse(string text, Protocol proto)
    {
        using var reader = new StringReader(text);
        reader.ReadLine(); // the column titles
        while (reader.ReadLine() is { } line)
        {
            if (TryParseRow(line, proto, out var socket))
            {
                yield return socket;
            }
        }
    }

    /// <summary><c>  0: 0100007F:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000  0  0 552 …</c></summary>
    internal static bool TryParseRow(string line, Protocol proto, out KernelSocket socket)
    {
        socket = null!;
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 10 || !fields[0].EndsWith(':'))
        {
            return false;
        }

        var local = fields[1].Split(':');
        if (local.Length != 2
            || !TryAddress(local[0], out var address)
            || !int.TryParse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var port)
            || !int.TryParse(fields[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var state)
            || !int.TryParse(fields[7], CultureInfo.InvariantCulture, out var uid)
            || !ulong.TryParse(fields[9], CultureInfo.InvariantCulture, out var inode))
        {
            return false;
        }

        socket = new KernelSocket(proto, address, port, (KernelState)state, 0, inode, uid);
        return true;
    }

    internal static bool TryAddress(string hex, out IPAddress address)
    {
        address = IPAddress.None;
        if (hex.Length is not (8 or 32) || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        var bytes = Convert.FromHexString(hex);
        for (var word = 0; word < bytes.Length; word += 4)
        {
            // Each 32-bit word was printed as a host-order integer: undo that, word by word.
            var value = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(word));
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(word), value);
        }

        address = new IPAddress(bytes);
        return true;
    }
}
