using PortCompliance.Core.Model;

using static PortCompliance.Core.Evaluation.OsCommands;

namespace PortCompliance.Core.Evaluation;

/// <summary>macOS: a pf anchor under Apple's own (<c>com.apple/*</c> is read by the default pf.conf), lsof, launchd.</summary>
internal sealed class MacOsCommands : IOsCommands
{
    public HostOs Os => HostOs.MacOs;

    public string Firewall => "pf, in an anchor the default /etc/pf.conf already reads; also turn on the application firewall";

    public string? Shell => null;

    public string Admin => "root";

    public string Starter => "launchd job";

    public string BlockAfterStop(ListeningSocket socket) => Block(socket);

    public string Block(ListeningSocket socket) =>
        $"{PfRules.Block(socket, "com.apple/portcompliance", "sudo")}\n" +
        "sudo pfctl -E\n" +
        "sudo /usr/libexec/ApplicationFirewall/socketfilterfw --setglobalstate on";

    public string Verify(ListeningSocket socket) => socket.Proto == Protocol.Tcp
        ? $"sudo lsof -iTCP:{socket.Port} -sTCP:LISTEN -P -n"
        : $"sudo lsof -iUDP:{socket.Port} -P -n";

    public string Investigate(ListeningSocket socket, int? pid) => pid is { } p
        ? $"{Verify(socket)}\nps -o pid,user,command -p {p}\nsudo launchctl procinfo {p} | grep -E 'label|program'"
        : Verify(socket);

    public string Stop(ListeningSocket socket, int? pid) =>
        $"{Chosen("LABEL", $"its launchd label, from: sudo launchctl procinfo {pid?.ToString() ?? "PID"}")}\n[ -n \"$LABEL\" ] && sudo launchctl bootout \"system/$LABEL\" && sudo launchctl disable \"system/$LABEL\"";

    public string Restart(int? pid) =>
        $"{Chosen("LABEL", $"its launchd label, from: sudo launchctl procinfo {pid?.ToString() ?? "PID"}")}\n[ -n \"$LABEL\" ] && sudo launchctl kickstart -k \"system/$LABEL\"";

    public string Collect => "sudo lsof -iTCP -sTCP:LISTEN -iUDP -P -n > \"$(hostname -s).lsof.txt\"";

    public string CollectAndCheck => $"{Collect} && head -1 \"$(hostname -s).lsof.txt\"";
}
