using System.Runtime.InteropServices;

namespace PortCompliance.Core.Ingest.Live;

/// <summary>The few libc calls a live scan needs that .NET does not wrap: netlink sockets, setns, if_indextoname, readdir.</summary>
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

    /// <summary>readlink relative to an open directory: no path string per descriptor.</summary>
    [LibraryImport("libc", SetLastError = true)]
    public static partial nint readlinkat(int directory, ReadOnlySpan<byte> name, Span<byte> buffer, nint size);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint opendir(string path);

    [LibraryImport("libc")]
    public static partial int dirfd(nint directory);

    [LibraryImport("libc")]
    public static partial nint readdir(nint directory);

    [LibraryImport("libc")]
    public static partial int closedir(nint directory);

    /// <summary>
    /// The names of an open directory that are numbers (<c>/proc/PID/fd</c>), read with readdir: .NET's enumeration
    /// stats every symbolic link it meets, two system calls per descriptor that a scan never needs.
    /// </summary>
    public static unsafe int[] NumberedEntries(nint directory)
    {
        // struct dirent on Linux (glibc and musl, 64-bit): d_ino 8, d_off 8, d_reclen 2, d_type 1, then d_name.
        const int NameOffset = 19;
        var numbers = new List<int>();
        for (var entry = readdir(directory); entry != 0; entry = readdir(directory))
        {
            var name = new ReadOnlySpan<byte>((byte*)entry + NameOffset, 256);
            name = name[..name.IndexOf((byte)0)];
            if (System.Buffers.Text.Utf8Parser.TryParse(name, out int number, out var used) && used == name.Length && number >= 0)
            {
                numbers.Add(number);
            }
        }

        return [.. numbers];
    }
}
