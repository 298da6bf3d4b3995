using PortCompliance.Core.Model;

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

    public string Stop(ListeningSocket socket, int? pid) => "doas rcctl stop <daemon, see rcctl ls on>\ndoas rcctl disable <daemon>";

    public string Restart(int? pid) => "doas rcctl restart <daemon, see rcctl ls on>";

    public string Collect => "netstat -an > \"$(hostname -s).netstat.txt\"";

    public string CollectAndCheck => $"{Collect} && head -3 \"$(hostname -s).netstat.txt\"";
}
