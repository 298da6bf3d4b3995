using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;

namespace PortCompliance.Core.Evaluation;

/// <summary><c>wildcard-bind</c>: nothing on 0.0.0.0, :: or * unless the policy allows that port.</summary>
internal sealed class WildcardBindRule : IRule
{
    public string Id => RuleIds.WildcardBind;

    public IEnumerable<Finding> Check(HostSnapshot host, RuleSet rules, FindingFactory findings) =>
        host.Sockets
            .Where(s => s.Scope == BindScope.Wildcard && !PortRange.AnyContains(rules.WildcardAllow, s.Proto, s.Port))
            .Select(s => findings.ForSocket(Id, host, s, service =>
                $"{Describe.What(s, service)} listens on {Describe.Endpoint(s)}, every {(s.Interface is null ? "interface" : $"address of {s.Interface}")}" +
                $"{(s.Family == IpFamily.Any ? " over IPv4 and IPv6" : "")}. A wildcard bind is exposed on any network the host joins later; " +
                "bind it to the one address it serves, or to loopback."));
}

/// <summary><c>approved-ports</c>: every socket reachable from the network is on the approved list.</summary>
internal sealed class ApprovedPortsRule : IRule
{
    public string Id => RuleIds.ApprovedPorts;

    public IEnumerable<Finding> Check(HostSnapshot host, RuleSet rules, FindingFactory findings) =>
        host.Sockets
            .Where(s => s.Scope != BindScope.Loopback && !ApprovedPort.AnyContains(rules.ApprovedPorts, s.Proto, s.Port))
            .Select(s => findings.ForSocket(Id, host, s, service =>
                $"{Describe.What(s, service)} is reachable from the network on {Describe.Endpoint(s)}, and " +
                $"{s.Proto.Label()} port {s.Port} is not an approved port for this host. Every open port must have a " +
                "documented business need; close it or get it approved."));
}

/// <summary><c>loopback-only</c>: the listed services, found by port or by process, listen on loopback only.</summary>
internal sealed class LoopbackOnlyRule : IRule
{
    public string Id => RuleIds.LoopbackOnly;

    public IEnumerable<Finding> Check(HostSnapshot host, RuleSet rules, FindingFactory findings)
    {
        foreach (var socket in host.Sockets.Where(s => s.Scope != BindScope.Loopback))
        {
            var match = rules.LoopbackOnly.FirstOrDefault(m => PortRange.AnyContains(m.Ports, socket.Proto, socket.Port))
                        ?? rules.LoopbackOnly.FirstOrDefault(m => m.Matches(socket));
            if (match is null)
            {
                continue;
            }

            // Say only what the listing shows: the service's own process, its port with no owner shown, or its
            // port held by another program — and give the service's config line only when it is the service.
            var heldByService = match.IsHeldBy(socket);
            var unknownOwner = socket.Processes.Count == 0;
            if (!heldByService && !unknownOwner && findings.Catalogue.Identify(socket, host.Os) is { } other
                && other.Id != match.CatalogueId && ProcessNames.AnyMatches(socket.Processes, other.Processes))
            {
                continue; // another service the catalogue knows by its own process holds the port (AirPlay on 7000, not Cassandra)
            }

            var service = (heldByService || unknownOwner) && match.CatalogueId is { } id ? findings.Catalogue.Find(id) : null;
            var risk = service?.Risk is { } r ? " " + r : "";
            yield return findings.ForSocket(Id, host, socket, _ => heldByService
                ? $"{match.Name} listens on {Describe.Endpoint(socket)}, which is reachable from the network; " +
                  $"{match.Name} must listen on loopback only.{risk}"
                : unknownOwner
                    ? $"A listener on {Describe.Endpoint(socket)}, the port of {match.Name}, is reachable from the network; " +
                      $"{match.Name} must listen on loopback only. The listing shows no process: collect as root to confirm it is {match.Name}.{risk}"
                    : $"{Describe.Processes(socket)} listens on {Describe.Endpoint(socket)}, reachable from the network, on a port " +
                      $"the policy reserves for {match.Name}, which must listen on loopback only. Check what this program is: " +
                      $"if it is {match.Name} under another name, bind it to loopback; if not, move it off the port.", service);
        }
    }
}

/// <summary><c>forbidden-ports</c>: these ports never listen, on any address.</summary>
internal sealed class ForbiddenPortsRule : IRule
{
    public string Id => RuleIds.ForbiddenPorts;

    public IEnumerable<Finding> Check(HostSnapshot host, RuleSet rules, FindingFactory findings) =>
        host.Sockets
            .Select(s => (Socket: s, Forbidden: rules.Forbidden.FirstOrDefault(f => f.Ports.Contains(s.Proto, s.Port))))
            .Where(x => x.Forbidden is not null)
            .Select(x => findings.ForSocket(Id, host, x.Socket, service =>
                $"{Describe.What(x.Socket, service)} listens on forbidden port {x.Socket.Proto.Label()}/{x.Socket.Port} " +
                $"({Describe.Endpoint(x.Socket)}): {x.Forbidden!.Reason.TrimEnd('.')}."));
}

/// <summary><c>expected-process</c>: these ports are held by one of the expected processes.</summary>
internal sealed class ExpectedProcessRule : IRule
{
    public string Id => RuleIds.ExpectedProcess;

    public IEnumerable<Finding> Check(HostSnapshot host, RuleSet rules, FindingFactory findings)
    {
        foreach (var socket in host.Sockets.Where(s => s.Processes.Count > 0))
        {
            var expected = rules.Expected.Where(e => e.Ports.Contains(socket.Proto, socket.Port)).SelectMany(e => e.Processes).ToList();
            if (expected.Count == 0 || ProcessNames.AnyMatches(socket.Processes, expected))
            {
                continue;
            }

            yield return findings.ForSocket(Id, host, socket, _ =>
                $"{socket.Proto.Label()} port {socket.Port} ({Describe.Endpoint(socket)}) is held by " +
                $"{Describe.Processes(socket)}, but the policy expects {string.Join(" or ", expected)}. " +
                "Another program on a well-known port can impersonate the real service.");
        }
    }
}

/// <summary><c>unparsed-input</c>: a line the tool could not read may hide a listening socket.</summary>
internal sealed class UnparsedInputRule : IRule
{
    public string Id => RuleIds.UnparsedInput;

    public IEnumerable<Finding> Check(HostSnapshot host, RuleSet rules, FindingFactory findings) =>
        host.Unparsed.Select(line => findings.ForLine(Id, host, line.Source ?? host.Source, line.Line, line.Text,
            $"Line {line.Line} of {line.Source ?? host.Source} could not be read ({line.Reason}). It may hide a listening socket " +
            "that no rule has checked."));
}

/// <summary><c>unknown-process</c>: a socket without its owner cannot be checked against expected processes.</summary>
internal sealed class UnknownProcessRule : IRule
{
    public string Id => RuleIds.UnknownProcess;

    public IEnumerable<Finding> Check(HostSnapshot host, RuleSet rules, FindingFactory findings) =>
        host.Sockets
            .Where(s => s.Processes.Count == 0)
            .Select(s => findings.ForSocket(Id, host, s, _ => host.CollectedWithoutRoot
                ? $"No process is shown for {Describe.Endpoint(s)}: the listing itself says it was collected without root " +
                  $"(line {host.WithoutRootLine}: {host.WithoutRootNote}), so who listens here cannot be verified. " +
                  "Run as root to see every owner."
                : $"No process is shown for {Describe.Endpoint(s)}: the listing was collected without root (or the owner is " +
                  "in another namespace), so who listens here cannot be verified. Run as root to see every owner."));
}
