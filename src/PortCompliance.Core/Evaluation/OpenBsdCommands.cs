using PortCompliance.Core.Model;

using static PortCompliance.Core.Evaluation.OsCommands;

namespace PortCompliance.Core.Evaluation;

/// <summary>OpenBSD: pf, <c>netstat</c>/<c>fstat</c>, rc.d (<c>rcctl</c>).</summary>
internal sealed class OpenBsdCommands : IOsCommands
{
    public HostOs Os => HostOs.OpenBsd;

    public string Firewall => PfRules.NamedAnchor;

    public string? Shell => null;

    public string Admin => "root";

    public string Starter => "rc.d script";

    public string BlockAfterStop(ListeningSocket socket) => Block(socket);

    public string Block(ListeningSocket socket) =>
        PfRules.Block(socket, "portcompliance", "doas");

    public string Verify(ListeningSocket socket) => $"netstat -an -p {socket.Proto.Name()} | grep -E '\\.{socket.Port} '";

    public string Investigate(ListeningSocket socket, int? pid) => pid is { } p
        ? $"doas fstat -p {p} | grep internet\nps -o pid,user,command -p {p}"
        : $"doas fstat | grep ':{socket.Port}'";

    public string Stop(ListeningSocket socket, int? pid) =>
        $"{Chosen("DAEMON", "its rc.d daemon, from: rcctl ls on")}\n[ -n \"$DAEMON\" ] && doas rcctl stop \"$DAEMON\" && doas rcctl disable \"$DAEMON\"";

    public string Restart(int? pid) => $"{Chosen("DAEMON", "its rc.d daemon, from: rcctl ls on")}\n[ -n \"$DAEMON\" ] && doas rcctl restart \"$DAEMON\"";

    public string Collect => "netstat -an > \"$(hostname -s).netstat.txt\"";

    public string CollectAndCheck => $"{Collect} && head -3 \"$(hostname -s).netstat.txt\"";
}
