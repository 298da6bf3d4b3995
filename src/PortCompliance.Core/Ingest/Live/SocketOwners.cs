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

    /// <summary>
    /// Reads every process, spread over the cores: the cost is one readlink per descriptor on the machine, and a busy
    /// host has tens of thousands. Results are merged in pid order, so the outcome does not depend on the scheduling.
    /// </summary>
    public static SocketOwners Read(string procRoot = "/proc")
    {
        var pids = Pids(procRoot).ToArray();
        var perProcess = new SocketOwners[pids.Length];
        Parallel.For(0, pids.Length, i =>
        {
            perProcess[i] = new SocketOwners();
            perProcess[i].AddProcess(procRoot, pids[i]);
        });

        var owners = new SocketOwners();
        foreach (var one in perProcess)
        {
            owners.UnreadableProcesses += one.UnreadableProcesses;
            foreach (var (inode, processes) in one._byInode)
            {
                var holders = owners._byInode.TryGetValue(inode, out var list) ? list : owners._byInode[inode] = [];
                holders.AddRange(processes);
            }
        }

        return owners;
    }

    public IReadOnlyList<SocketProcess> Of(ulong inode) =>
        _byInode.TryGetValue(inode, out var processes) ? processes : [];

    /// <summary>
    /// Every socket descriptor of one process: its fd directory opened once, its names read with readdir, each link
    /// read relative to it — one system call per descriptor, the same work ss does.
    /// </summary>
    private void AddProcess(string procRoot, int pid)
    {
        var folder = Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture), "fd");
        var listing = Libc.opendir(folder);
        if (listing == 0)
        {
            UnreadableProcesses++; // not root, or the process has just exited
            return;
        }

        try
        {
            string? name = null;
            var directory = Libc.dirfd(listing);
            var descriptors = Libc.NumberedEntries(listing);
            var inodes = new ulong?[descriptors.Length];
            // A server holding thousands of sockets is one process: read its links on every core.
            Parallel.For(0, descriptors.Length, new ParallelOptions { MaxDegreeOfParallelism = descriptors.Length > 256 ? -1 : 1 },
                i => inodes[i] = Inode(directory, descriptors[i]));
            foreach (var found in inodes)
            {
                if (found is not { } inode)
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
        finally
        {
            _ = Libc.closedir(listing);
        }
    }

    /// <summary>The inode of a <c>socket:[INODE]</c> descriptor, read into stack buffers.</summary>
    private static ulong? Inode(int directory, int descriptor)
    {
        Span<byte> name = stackalloc byte[12];
        descriptor.TryFormat(name, out var written, provider: CultureInfo.InvariantCulture);
        name[written] = 0;
        Span<byte> target = stackalloc byte[64];
        var length = (int)Libc.readlinkat(directory, name[..(written + 1)], target, target.Length);
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
