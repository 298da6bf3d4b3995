using PortCompliance.Core.Model;

using static PortCompliance.Core.Evaluation.OsCommands;

namespace PortCompliance.Core.Evaluation;

/// <summary>FreeBSD: pf, <c>sockstat</c>, rc.d (<c>service</c>, <c>sysrc</c>).</summary>
internal sealed class FreeBsdCommands : IOsCommands
{
    public HostOs Os => HostOs.FreeBsd;

    public string Firewall => PfRules.NamedAnchor;

    public string? Shell => null;

    public string Admin => "root";

    public string Starter => "rc.d script";

    public string BlockAfterStop(ListeningSocket socket) => Block(socket);

    public string Block(ListeningSocket socket) =>
        PfRules.Block(socket, "portcompliance", "sudo");

    public string Verify(ListeningSocket socket) => $"sockstat -46l -P {socket.Proto.Name()} -p {socket.Port}";

    public string Investigate(ListeningSocket socket, int? pid) => pid is { } p
        ? $"{Verify(socket)}\nps -o pid,jid,user,command -p {p}"
        : Verify(socket);

    public string Stop(ListeningSocket socket, int? pid) =>
        $"{Chosen("RC", "its rc.d name, from: service -e")}\n[ -n \"$RC\" ] && sudo service \"$RC\" stop && sudo sysrc \"${{RC}}_enable=NO\"";

    public string Restart(int? pid) => $"{Chosen("RC", "its rc.d name, from: service -e")}\n[ -n \"$RC\" ] && sudo service \"$RC\" restart";

    public string Collect => "sudo sockstat -46l > \"$(hostname -s).sockstat.txt\"";

    public string CollectAndCheck => $"{Collect} && head -1 \"$(hostname -s).sockstat.txt\"";
}
