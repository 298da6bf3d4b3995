using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;

namespace PortCompliance.Core.Evaluation;

/// <summary>
/// <c>unexplained-open-port</c>: a port the outside scan found open that no listening socket of the host explains —
/// a listener in a namespace nobody collected, a port forward or NAT, or a listing that is stale or incomplete.
/// </summary>
internal sealed class UnexplainedOpenPortRule : IRule
{
    public string Id => RuleIds.UnexplainedOpenPort;

    public IEnumerable<Finding> Check(HostSnapshot host, RuleSet rules, FindingFactory findings)
    {
        if (host.External is not { } scan)
        {
            yield break;
        }

        foreach (var port in scan.Ports.Where(p => p.IsOpen && !host.Sockets.Any(s => s.Proto == p.Proto && s.Port == p.Port)))
        {
            var proto = port.Proto.Name();
            yield return findings.ForScannedPort(Id, host, scan, port,
                $"nmap found {port.Proto.Label()} port {port.Port}{(port.Service is null ? "" : $" ({port.Service})")} open on " +
                $"{scan.Address}, but no listening socket in {host.Source} explains it: something answers that no listing shows " +
                "(a container or namespace not collected, a port forward or NAT rule, or a stale listing).",
            [
                new("Find what answers on the port, from outside and on the host.",
                    $"nmap -sV -p {(port.Proto == Protocol.Udp ? "U:" : "")}{port.Port} {scan.Address}\nsudo ss -{(port.Proto == Protocol.Tcp ? "lntp" : "lnup")} 'sport = :{port.Port}'\nsudo portcompliance scan --all-namespaces"),
                new("Check port forwards and container port mappings.", $"sudo nft list ruleset | grep -w {port.Port}\nsudo docker ps --format '{{{{.Names}}}} {{{{.Ports}}}}'"),
                new("Collect the listing again as root, at the time of the scan, and audit both together.",
                    $"sudo ss -lntup > \"$(hostname).ss.txt\"   # then: portcompliance audit host.ss.txt host.nmap.xml"),
            ]);
        }
    }
}
