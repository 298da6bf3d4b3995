using System.Runtime.InteropServices;

namespace PortCompliance.Core.Ingest.Live;

/// <summary>The few libc calls a live scan needs that .NET does not wrap: netlink sockets, setns, if_indextoname.</summary>
internal static partial class Libc
{
    public const int AfNetlink = 16;
    public const int SockRaw = 3;
    public const int SockCloexec = 0x80000;
    public const int NetlinkSockDiag = 4;
    public const int CloneNewNet = 0x40000000;

    [LibraryImport("libc", SetLastError = true)]
    public static partial int socket(int domain, int type, int protocol);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint sendto(int fd, ReadOnlySpan<byte> buffer, nint length, int flags, ReadOnlySpan<byte> address, int addressLength);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint recv(int fd, Span<byte> buffer, nint length, int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int setns(int fd, int nstype);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint if_indextoname(uint index, Span<byte> name);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int stat(string path, Span<byte> buffer);

    public const int ODirectory = 0x10000, OCloexec = 0x80000;

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int open(string path, int flags);

    /// <summary>readlink relative to an open directory: no path string per descriptor.</summary>
    [LibraryImport("libc", SetLastError = true)]
    public static partial nint readlinkat(int directory, ReadOnlySpan<byte> name, Span<byte> buffer, nint size);
}
