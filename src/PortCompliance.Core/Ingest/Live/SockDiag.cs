using System.Buffers.Binary;
using System.Net;
using System.Runtime.InteropServices;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest.Live;

/// <summary>
/// Dumps sockets with netlink <c>NETLINK_SOCK_DIAG</c>, what <c>ss</c> uses: unlike /proc it carries the device a socket
/// is bound to (<c>SO_BINDTODEVICE</c>, ss's <c>%lo</c>) and IPV6_V6ONLY (a <c>::</c> socket that is not v6-only is ss's
/// dual-stack <c>*</c>). Works in the network namespace of the calling thread.
/// </summary>
internal static class SockDiag
{
    private const ushort SockDiagByFamily = 20;
    private const ushort NlmFRequest = 0x1, NlmFDump = 0x300;
    private const ushort NlmsgDone = 3, NlmsgError = 2;
    private const ushort InetDiagSkV6Only = 11;
    private const int HeaderLength = 16, RequestLength = 56, MessageLength = 72;

    /// <summary>Listening TCP and bound UDP sockets of both families, or null when netlink is not available here.</summary>
    public static IReadOnlyList<KernelSocket>? TryDump()
    {
        var fd = Libc.socket(Libc.AfNetlink, Libc.SockRaw | Libc.SockCloexec, Libc.NetlinkSockDiag);
        if (fd < 0)
        {
            return null;
        }

        try
        {
            var sockets = new List<KernelSocket>();
            foreach (var (family, proto, states) in Queries)
            {
                if (!Dump(fd, family, proto, states, sockets))
                {
                    return null;
                }
            }

            return sockets;
        }
        finally
        {
            Libc.close(fd);
        }
    }

    private static readonly (byte Family, Protocol Proto, uint States)[] Queries =
    [
        (2, Protocol.Tcp, 1u << (int)KernelState.Listen), (10, Protocol.Tcp, 1u << (int)KernelState.Listen),
        (2, Protocol.Udp, 1u << (int)KernelState.Close), (10, Protocol.Udp, 1u << (int)KernelState.Close),
    ];

    private static bool Dump(int fd, byte family, Protocol proto, uint states, List<KernelSocket> into)
    {
        Span<byte> request = stackalloc byte[HeaderLength + RequestLength];
        request.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(request, (uint)request.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(request[4..], SockDiagByFamily);
        BinaryPrimitives.WriteUInt16LittleEndian(request[6..], NlmFRequest | NlmFDump);
        request[HeaderLength] = family;
        request[HeaderLength + 1] = (byte)(proto == Protocol.Tcp ? 6 : 17);
        BinaryPrimitives.WriteUInt32LittleEndian(request[(HeaderLength + 4)..], states);
        Span<byte> kernel = stackalloc byte[12];
        kernel.Clear();
        BinaryPrimitives.WriteUInt16LittleEndian(kernel, Libc.AfNetlink);
        if (Libc.sendto(fd, request, request.Length, 0, kernel, kernel.Length) < 0)
        {
            return false;
        }

        var buffer = new byte[1 << 16];
        while (true)
        {
            var received = (int)Libc.recv(fd, buffer, buffer.Length, 0);
            if (received <= 0)
            {
                return false;
            }

            for (var at = 0; at + HeaderLength <= received;)
            {
                var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(at));
                var type = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(at + 4));
                if (type == NlmsgDone)
                {
                    return true;
                }

                if (type == NlmsgError || length < HeaderLength || at + length > received)
                {
                    return false;
                }

                if (length >= HeaderLength + MessageLength)
                {
                    into.Add(Read(buffer.AsSpan(at + HeaderLength, length - HeaderLength), proto));
                }

                at += (length + 3) & ~3;
            }
        }
    }

    /// <summary>struct inet_diag_msg followed by its rtattr attributes.</summary>
    private static KernelSocket Read(ReadOnlySpan<byte> message, Protocol proto)
    {
        var family = message[0];
        var port = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        var address = new IPAddress(message.Slice(8, family == 10 ? 16 : 4));
        var device = (int)BinaryPrimitives.ReadUInt32LittleEndian(message[40..]);
        var uid = (int)BinaryPrimitives.ReadUInt32LittleEndian(message[64..]);
        var inode = BinaryPrimitives.ReadUInt32LittleEndian(message[68..]);
        bool? v6Only = null;
        for (var at = MessageLength; at + 4 <= message.Length;)
        {
            var length = BinaryPrimitives.ReadUInt16LittleEndian(message[at..]);
            var type = BinaryPrimitives.ReadUInt16LittleEndian(message[(at + 2)..]);
            if (length < 4)
            {
                break;
            }

            if (type == InetDiagSkV6Only && length >= 5)
            {
                v6Only = message[at + 4] != 0;
            }

            at += (length + 3) & ~3;
        }

        return new KernelSocket(proto, address, port, (KernelState)message[1], device, inode, uid) { V6Only = v6Only };
    }

    /// <summary>The device name for an interface index in the calling thread's namespace (<c>lo</c>, <c>eth0</c>).</summary>
    public static string? InterfaceName(int index)
    {
        Span<byte> name = stackalloc byte[16];
        return index > 0 && Libc.if_indextoname((uint)index, name) != 0
            ? System.Text.Encoding.ASCII.GetString(name[..name.IndexOf((byte)0)])
            : null;
    }
}
