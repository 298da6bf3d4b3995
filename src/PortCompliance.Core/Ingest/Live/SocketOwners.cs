using System.Globalization;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest.Live;

/// <summary>
/// Which processes hold which socket: every <c>/proc/PID/fd/N</c> link reading <c>socket:[INODE]</c>, named by
/// <c>/proc/PID/comm</c> as ss names them. Without root only the caller's own processes can be read; the rest stay unknown.
/// </summary>
internal sealed class SocketOwners
{
    private readonly Dictionary<ulong, List<SocketProcess>> _byInode = [];

    /// <summary>How many processes' descriptors could not be read (not root): reports say so.</summary>
    public int UnreadableProcesses { get; private set; }

    public static SocketOwners Read(string procRoot = "/proc")
    {
        var owners = new SocketOwners();
        foreach (var pid in Pids(procRoot))
        {
            owners.AddProcess(procRoot, pid);
        }

        return owners;
    }

    public IReadOnlyList<SocketProcess> Of(ulong inode) =>
        _byInode.TryGetValue(inode, out var processes) ? processes : [];

    private void AddProcess(string procRoot, int pid)
    {
        IEnumerable<string> descriptors;
        try
        {
            descriptors = Directory.EnumerateFiles(Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture), "fd")).ToList();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            UnreadableProcesses++;
            return;
        }

        string? name = null;
        foreach (var descriptor in descriptors)
        {
            if (Inode(descriptor) is not { } inode)
            {
                continue;
            }

            name ??= Comm(procRoot, pid);
            var holders = _byInode.TryGetValue(inode, out var list) ? list : _byInode[inode] = [];
            var process = new SocketProcess(name, pid);
            if (!holders.Contains(process))
            {
                holders.Add(process); // one process on several descriptors is still one process
            }
        }
    }

    /// <summary>
    /// The inode of a <c>socket:[INODE]</c> descriptor; readlink straight into a stack buffer, because a busy machine has
    /// tens of thousands of descriptors and most are files. A descriptor closed while we look reads as no socket.
    /// </summary>
    private static ulong? Inode(string descriptor)
    {
        Span<byte> target = stackalloc byte[64];
        var length = (int)Libc.readlink(descriptor, target, target.Length);
        if (length < 10 || !target.StartsWith("socket:["u8) || target[length - 1] != (byte)']')
        {
            return null;
        }

        return ulong.TryParse(target[8..(length - 1)], NumberStyles.None, CultureInfo.InvariantCulture, out var inode) ? inode : null;
    }

    private static string Comm(string procRoot, int pid)
    {
        try
        {
            return File.ReadAllText(Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture), "comm")).TrimEnd('\n');
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return "?";
        }
    }

    internal static IEnumerable<int> Pids(string procRoot) =>
        Directory.EnumerateDirectories(procRoot)
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, CultureInfo.InvariantCulture, out var pid) ? pid : -1)
            .Where(pid => pid > 0)
            .Order();
}
