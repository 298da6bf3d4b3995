using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace PortCompliance.Core.Ingest.Live;

/// <summary>A network namespace other than ours, with a process inside it to enter it through.</summary>
internal sealed record NetworkNamespace(ulong Inode, int Pid, string Label, string? Container);

/// <summary>
/// Finds every network namespace on the machine (distinct <c>/proc/*/ns/net</c>) and runs a scan inside one. A network
/// namespace is per thread on Linux, so each is entered on a thread of its own that exits afterwards.
/// </summary>
internal static class NetworkNamespaces
{
    public static IReadOnlyList<NetworkNamespace> Others()
    {
        var own = Inode("/proc/self/ns/net");
        var named = NamedByIp();
        return
        [
            .. SocketOwners.Pids("/proc")
                .Select(pid => (Pid: pid, Inode: Inode($"/proc/{pid}/ns/net")))
                .Where(x => x.Inode is { } inode && inode != own)
                .GroupBy(x => x.Inode!.Value)
                .Select(g => new NetworkNamespace(
                    g.Key, g.First().Pid,
                    named.TryGetValue(g.Key, out var name) ? name : $"net:[{g.Key}]",
                    g.Select(x => ContainerLabels.Of(x.Pid)).FirstOrDefault(c => c is not null)))
                .OrderBy(n => n.Label, StringComparer.Ordinal),
        ];
    }

    /// <summary>Runs <paramref name="scan"/> on a thread that has joined the namespace; null when it cannot be entered.</summary>
    public static T? Inside<T>(NetworkNamespace ns, Func<T> scan) where T : class
    {
        T? result = null;
        var thread = new Thread(() =>
        {
            using var handle = Open($"/proc/{ns.Pid}/ns/net");
            if (handle is not null && Libc.setns((int)handle.DangerousGetHandle(), Libc.CloneNewNet) == 0)
            {
                result = scan();
            }
        });
        thread.Start();
        thread.Join();
        return result;
    }

    private static SafeFileHandle? Open(string path)
    {
        try
        {
            return File.OpenHandle(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // the process left, or we are not root
        }
    }

    /// <summary>Namespaces made by <c>ip netns add NAME</c> are bind-mounted at /run/netns/NAME.</summary>
    private static Dictionary<ulong, string> NamedByIp()
    {
        var names = new Dictionary<ulong, string>();
        if (!Directory.Exists("/run/netns"))
        {
            return names;
        }

        foreach (var path in Directory.EnumerateFiles("/run/netns").Order(StringComparer.Ordinal))
        {
            if (StatInode(path) is { } inode)
            {
                names.TryAdd(inode, Path.GetFileName(path));
            }
        }

        return names;
    }

    private static ulong? Inode(string link)
    {
        try
        {
            var target = new FileInfo(link).LinkTarget; // "net:[4026531840]"
            return target is not null && target.StartsWith("net:[", StringComparison.Ordinal)
                   && ulong.TryParse(target.AsSpan(5, target.Length - 6), CultureInfo.InvariantCulture, out var inode)
                ? inode
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static ulong? StatInode(string path)
    {
        // struct stat begins with st_dev then st_ino (8 bytes each) on the 64-bit Linux ABIs .NET runs on.
        Span<byte> stat = stackalloc byte[256];
        return Libc.stat(path, stat) == 0 ? System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(stat[8..]) : null;
    }
}
