using PortCompliance.Core.Model;

using static PortCompliance.Core.Evaluation.OsCommands;

namespace PortCompliance.Core.Evaluation;

/// <summary>Linux: ufw and nftables, <c>ss</c>, systemd.</summary>
internal sealed class LinuxCommands : IOsCommands
{
    public HostOs Os => HostOs.Linux;

    public string Firewall => "ufw or nftables; loopback clients keep working";

    public string? Shell => null;

    public string Admin => "root";

    public string Starter => "unit";

    public string BlockAfterStop(ListeningSocket socket) => Ufw(socket);

    public string Block(ListeningSocket socket) => $"{Ufw(socket)}\n{Nft(socket)}";

    /// <summary>ufw alone: what a fix that already stops the service adds.</summary>
    public static string Ufw(ListeningSocket socket) => $"sudo ufw deny {socket.Port}/{socket.Proto.Name()}";

    // insert: ahead of any accept rule; iif != lo: local clients keep working (same form as the catalogue's).
    private static string Nft(ListeningSocket socket) =>
        $"sudo nft insert rule inet filter input iif != lo {socket.Proto.Name()} dport {socket.Port} drop";

    public string Verify(ListeningSocket socket) => $"sudo ss -{Flags(socket)} 'sport = :{socket.Port}'";

    public string Investigate(ListeningSocket socket, int? pid) => pid is { } p
        ? $"{Verify(socket)}\nsudo ls -l /proc/{p}/exe\nsystemctl status {p}"
        : Verify(socket);

    public string Stop(ListeningSocket socket, int? pid) =>
        $"{Chosen("UNIT", $"the .service that systemctl status {pid?.ToString() ?? "PID"} names (not a session scope)")}\n[ -n \"$UNIT\" ] && sudo systemctl disable --now \"$UNIT\"";

    public string Restart(int? pid) =>
        $"{Chosen("UNIT", $"the .service that systemctl status {pid?.ToString() ?? "PID"} names")}\n[ -n \"$UNIT\" ] && sudo systemctl restart \"$UNIT\"";

    public string Collect => "sudo ss -lntup > \"$(hostname).ss.txt\"";

    public string CollectAndCheck => "sudo ss -lntup > \"$(hostname).ss.txt\" && head -1 \"$(hostname).ss.txt\"";

    private static string Flags(ListeningSocket socket) => socket.Proto == Protocol.Tcp ? "lntp" : "lnup";
}
