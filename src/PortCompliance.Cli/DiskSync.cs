using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace PortCompliance.Cli;

/// <summary>
/// Makes a folder of files written without flushing durable at once, before it is renamed into place: a fleet's
/// 2,000 host reports cost one <c>syncfs</c> on Linux instead of 2,000 <c>fsync</c>s on the cores that render them
/// (a third of a host's HTML time, bench/fleet.sh). Elsewhere each file is flushed, all of them together.
/// </summary>
internal static class DiskSync
{
    public static void Folder(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList();
        if (files.Count == 0)
        {
            return;
        }

        if (OperatingSystem.IsLinux() && SyncFileSystem(files[0]))
        {
            return;
        }

        Parallel.ForEach(files, file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, 1);
            stream.Flush(flushToDisk: true);
        });
    }

    /// <summary>Writes back every dirty page of the file system <paramref name="anyFile"/> is on; false if it cannot.</summary>
    private static bool SyncFileSystem(string anyFile)
    {
        using SafeFileHandle handle = File.OpenHandle(anyFile);
        return syncfs((int)handle.DangerousGetHandle()) == 0;
    }

#pragma warning disable SYSLIB1054 // one blittable call: no marshalling to generate, and this project allows no unsafe code
    [DllImport("libc", SetLastError = true)]
    private static extern int syncfs(int fd);
#pragma warning restore SYSLIB1054
}
