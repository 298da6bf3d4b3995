using System.Net;
using System.Security.Cryptography;
using System.Text;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest.Live;

/// <summary>
/// The live scan: this machine's listening sockets straight from the kernel — netlink when it answers, else
/// /proc/net — with every process that holds each one. The result is the snapshot <c>parse</c> would give for an
/// <c>ss -lntup</c> taken at the same moment, with format <c>live</c>.
/// </summary>
public static class LiveScanner
{
    public const string Format = "live";

    /// <summary>
    /// Scans this network namespace and, with <paramref name="allNamespaces"/>, every other one on the machine
    /// (containers, <c>ip netns</c>), labelling those sockets with their namespace and container.
    /// </summary>
    public static HostSnapshot Scan(string host, bool allNamespaces = false)
    {
        var owners = SocketOwners.Read();
        var (sockets, origin) = ScanHere(owners, ns: null);
        var notes = new List<string> { origin };
        if (allNamespaces)
        {
            foreach (var ns in NetworkNamespaces.Others())
            {
                var inside = NetworkNamespaces.Inside(ns, () => ScanHere(owners, ns).Sockets);
                sockets.AddRange(inside ?? []);
                notes.Add(inside is null ? $"{ns.Label} not entered (needs root)" : $"{ns.Label}: {inside.Count} socket(s)");
            }
        }

        if (owners.UnreadableProcesses > 0)
        {
            notes.Add($"{owners.UnreadableProcesses} processes unreadable: not root");
        }

        sockets = [.. sockets.Select((s, i) => s with { Line = i + 1, LastLine = i + 1 })];
        var evidence = Evidence(sockets);
        return new HostSnapshot
        {
            Host = host,
            Format = Format,
            Os = HostOs.Linux, // read from Linux's /proc
            Source = $"live ({string.Join("; ", notes)})",
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(evidence))),
            Sockets = sockets,
            Skipped = [],
            Unparsed = [],
            LineCount = sockets.Count,
        };
    }

    /// <summary>What a live scan's hash is taken over, and what a report attaches as its listing: each socket's evidence line.</summary>
    public static string Evidence(IEnumerable<ListeningSocket> sockets) => string.Join("\n", sockets.Select(s => s.Text));

    /// <summary>The listeners of the calling thread's namespace, netlink first, /proc/net if netlink does not answer.</summary>
    private static (List<ListeningSocket> Sockets, string Origin) ScanHere(SocketOwners owners, NetworkNamespace? ns)
    {
        var (kernel, origin) = SockDiag.TryDump() is { } dumped ? (dumped, "netlink sock_diag") : (ReadProc(), "/proc/net");
        return ([.. kernel
            .Where(k => k.IsListening)
            .OrderBy(k => k.Proto).ThenBy(k => k.Address.AddressFamily).ThenBy(k => k.Port).ThenBy(k => k.Inode)
            .Select(k => ToSocket(k, owners.Of(k.Inode), ns))], origin);
    }

    // thread-self: a namespace entered with setns belongs to this thread, not to the whole process.
    private static List<KernelSocket> ReadProc() =>
    [
        .. Table("/proc/thread-self/net/tcp", Protocol.Tcp), .. Table("/proc/thread-self/net/tcp6", Protocol.Tcp),
        .. Table("/proc/thread-self/net/udp", Protocol.Udp), .. Table("/proc/thread-self/net/udp6", Protocol.Udp),
    ];

    private static IEnumerable<KernelSocket> Table(string path, Protocol proto) =>
        File.Exists(path) ? ProcNetTable.Parse(File.ReadAllText(path), proto) : [];

    /// <summary>As ss shows it: a <c>::</c> socket that is not v6-only is the dual-stack <c>*</c>.</summary>
    private static ListeningSocket ToSocket(KernelSocket k, IReadOnlyList<SocketProcess> processes, NetworkNamespace? ns)
    {
        var dualStack = k.Address.Equals(IPAddress.IPv6Any) && k.V6Only == false;
        var address = dualStack ? "*" : k.Address.ToString();
        var family = dualStack ? IpFamily.Any : k.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? IpFamily.IPv6 : IpFamily.IPv4;
        var device = SockDiag.InterfaceName(k.InterfaceIndex);
        var proto = k.Proto.Name();
        var users = processes.Count == 0 ? "" : $" users:({string.Join(",", processes.Select(p => $"(\"{p.Name}\",pid={p.Pid})"))})";
        var shown = family == IpFamily.IPv6 ? $"[{address}]" : address;
        return new ListeningSocket
        {
            Proto = k.Proto,
            Family = family,
            Address = address,
            Port = k.Port,
            Interface = device,
            Scope = dualStack ? BindScope.Wildcard : BindScopes.Classify(address, k.Address, device),
            Processes = processes,
            Namespace = ns?.Label,
            Container = ns?.Container,
            Line = 0,
            Text = $"{(ns is null ? "" : $"[{ns.Container ?? ns.Label}] ")}{proto} {(k.Proto == Protocol.Tcp ? "LISTEN" : "UNCONN")} {shown}{(device is null ? "" : "%" + device)}:{k.Port} ino:{k.Inode} uid:{k.Uid}{users}",
        };
    }
}
