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

    /// <summary>Scans the network namespace of the calling thread.</summary>
    public static HostSnapshot Scan(string host, string source = "live")
    {
        var (kernel, origin) = SockDiag.TryDump() is { } dumped ? (dumped, "netlink sock_diag") : (ReadProc(), "/proc/net");
        var owners = SocketOwners.Read();
        var sockets = kernel
            .Where(k => k.IsListening)
            .OrderBy(k => k.Proto).ThenBy(k => k.Address.AddressFamily).ThenBy(k => k.Port).ThenBy(k => k.Inode)
            .Select((k, i) => ToSocket(k, owners.Of(k.Inode), i + 1))
            .ToList();
        var evidence = string.Join("\n", sockets.Select(s => s.Text));
        return new HostSnapshot
        {
            Host = host,
            Format = Format,
            Source = $"{source} ({origin}{(owners.UnreadableProcesses > 0 ? $", {owners.UnreadableProcesses} processes unreadable: not root" : "")})",
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(evidence))),
            Sockets = sockets,
            Skipped = [],
            Unparsed = [],
            LineCount = sockets.Count,
        };
    }

    private static List<KernelSocket> ReadProc() =>
    [
        .. Table("/proc/net/tcp", Protocol.Tcp), .. Table("/proc/net/tcp6", Protocol.Tcp),
        .. Table("/proc/net/udp", Protocol.Udp), .. Table("/proc/net/udp6", Protocol.Udp),
    ];

    private static IEnumerable<KernelSocket> Table(string path, Protocol proto) =>
        File.Exists(path) ? ProcNetTable.Parse(File.ReadAllText(path), proto) : [];

    /// <summary>As ss shows it: a <c>::</c> socket that is not v6-only is the dual-stack <c>*</c>.</summary>
    private static ListeningSocket ToSocket(KernelSocket k, IReadOnlyList<SocketProcess> processes, int line)
    {
        var dualStack = k.Address.Equals(IPAddress.IPv6Any) && k.V6Only == false;
        var address = dualStack ? "*" : k.Address.ToString();
        var family = dualStack ? IpFamily.Any : k.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? IpFamily.IPv6 : IpFamily.IPv4;
        var device = SockDiag.InterfaceName(k.InterfaceIndex);
        var proto = k.Proto == Protocol.Tcp ? "tcp" : "udp";
        var users = processes.Count == 0 ? "" : $" users:({string.Join(",", processes.Select(p => $"(\"{p.Name}\",pid={p.Pid})"))})";
        var shown = family == IpFamily.IPv6 ? $"[{address}]" : address;
        return new ListeningSocket
        {
            Proto = k.Proto,
            Family = family,
            Address = address,
            Port = k.Port,
            Interface = device,
            Scope = BindScopes.Classify(address, device),
            Processes = processes,
            Line = line,
            LastLine = line,
            Text = $"{proto} {(k.Proto == Protocol.Tcp ? "LISTEN" : "UNCONN")} {shown}{(device is null ? "" : "%" + device)}:{k.Port} ino:{k.Inode} uid:{k.Uid}{users}",
        };
    }
}
