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

    private static ulong? Inode(string descriptor)
    {
        try
        {
            var target = new FileInfo(descriptor).LinkTarget;
            return target is not null && target.StartsWith("socket:[", StringComparison.Ordinal)
                   && ulong.TryParse(target.AsSpan(8, target.Length - 9), CultureInfo.InvariantCulture, out var inode)
                ? inode
                : null;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return null; // the process exited, or closed the descriptor, while we looked
        }
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
