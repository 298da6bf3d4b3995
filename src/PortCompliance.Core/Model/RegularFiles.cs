using System.Runtime.InteropServices;

namespace PortCompliance.Core.Model;

/// <summary>
/// Opens only regular files. A FIFO blocks <c>open</c> until someone writes to it, and a device such as
/// <c>/dev/zero</c> reports a length of 0 and never ends; both were hangs. Each path is told apart by its type
/// (symbolic links followed) before it is opened, and every read is capped by the bytes actually read.
/// </summary>
public static partial class RegularFiles
{
    /// <summary>Why <paramref name="path"/> cannot be read as a file (<c>not a regular file (a FIFO)</c>), or null when it can.</summary>
    public static string? Problem(string path)
    {
        if (Directory.Exists(path))
        {
            return "a folder, not a file";
        }

        if (!File.Exists(path))
        {
            return "no such file";
        }

        if (new FileInfo(path).LinkTarget is { } target && File.ResolveLinkTarget(path, returnFinalTarget: true) is { Exists: false })
        {
            return $"a dangling symbolic link (to {target})";
        }

        return Kind(path) switch
        {
            FileKind.Regular => null,
            FileKind.Fifo => "not a regular file (a FIFO): skipped",
            FileKind.CharacterDevice => "not a regular file (a character device): skipped",
            FileKind.BlockDevice => "not a regular file (a block device): skipped",
            FileKind.Socket => "not a regular file (a socket): skipped",
            FileKind.Missing => "no such file",
            _ => "not a regular file: skipped",
        };
    }

    /// <summary>Opens a regular file to read, or says why not; never blocks on a FIFO.</summary>
    public static FileStream? OpenRead(string path, out string problem, int bufferSize = 4096)
    {
        problem = Problem(path) ?? "";
        return problem.Length > 0 ? null : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, FileOptions.SequentialScan);
    }

    /// <summary>A regular file's bytes, at most <paramref name="maxBytes"/> of them (counted as read, not as the file says).</summary>
    public static byte[]? ReadAll(string path, long maxBytes, string what, out string problem)
    {
        using var stream = OpenRead(path, out problem);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var capped = new CappedStream(stream, maxBytes);
        capped.CopyTo(buffer);
        if (capped.Exceeded)
        {
            problem = $"{what} is larger than {Size(maxBytes)}";
            return null;
        }

        return buffer.ToArray();
    }

    /// <summary>A cap as the messages state it: <c>1024 KiB</c> (the policy's, as it always read), <c>64 MiB</c>.</summary>
    public static string Size(long bytes) => bytes <= 1 << 20 ? $"{bytes >> 10} KiB" : $"{bytes >> 20} MiB";

    private enum FileKind { Missing, Regular, Directory, Fifo, CharacterDevice, BlockDevice, Socket, Other }

    private static FileKind Kind(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            // Windows has no FIFOs or devices under a file path; its device names are refused by the file API.
            return (File.GetAttributes(path) & FileAttributes.Device) != 0 ? FileKind.CharacterDevice : FileKind.Regular;
        }

        // The managed API cannot tell a FIFO from a file (both are "Normal", length 0). statx(2) can, and its struct is
        // laid out the same on every architecture (unlike stat's): the mode is the 16 bits at offset 28.
        Span<byte> status = stackalloc byte[StatxSize];
        if (Statx(AtFdCwd, path, 0, StatxType, status) != 0)
        {
            return FileKind.Missing;
        }

        return (BitConverter.ToUInt16(status[StatxModeOffset..]) & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
    }

    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int StatxSize = 256;
    private const int StatxModeOffset = 28;

    /// <summary>statx(2), following symbolic links (flags 0), asking only for the file type.</summary>
    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, Span<byte> status);
}
