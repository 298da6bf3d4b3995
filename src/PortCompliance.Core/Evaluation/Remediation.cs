using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;

namespace PortCompliance.Core.Evaluation;

/// <summary>The steps that fix a finding: the service's own config line where the catalogue knows it.</summary>
internal static class Remediation
{
    public static IReadOnlyList<RemediationStep> For(string rule, ListeningSocket socket, CatalogueService? service) => rule switch
    {
        RuleIds.WildcardBind or RuleIds.LoopbackOnly => Rebind(rule, socket, service),
        RuleIds.ApprovedPorts => [.. Approve(socket), .. CloseOrFirewall(socket, service)],
        RuleIds.ForbiddenPorts => [.. Investigate(socket, service), .. Remove(socket, service)],
        RuleIds.ExpectedProcess => Investigate(socket, service),
        RuleIds.UnknownProcess =>
        [
            new("Collect the listing again as root so every socket shows its process, and audit that file.",
                "sudo ss -lntup > \"$(hostname).ss.txt\""),
        ],
        _ => [],
    };

    public static IReadOnlyList<RemediationStep> ForLine(string source, int line) =>
    [
        new($"Open {source} at line {line} and check what it shows; a listing edited by hand or cut short loses sockets."),
        new("Collect the listing again, unedited, as root, and audit the new file.", "sudo ss -lntup > \"$(hostname).ss.txt\""),
    ];

    public static IReadOnlyList<RemediationStep> ForEmptyInput(string source) =>
    [
        new($"Find out why the collection of {source} produced nothing: the command failed, was not found, timed out, or its " +
            "output went elsewhere (stderr, another file). Until then this host's ports are unknown, not compliant."),
        new("Collect the listing again as root, check that the file has the header row, and audit the new file.",
            "sudo ss -lntup > \"$(hostname).ss.txt\" && head -1 \"$(hostname).ss.txt\""),
    ];

    private static IReadOnlyList<RemediationStep> Rebind(string rule, ListeningSocket socket, CatalogueService? service)
    {
        var target = rule == RuleIds.LoopbackOnly ? "loopback" : "loopback, or to the one address it must serve";
        if (service is null)
        {
            return [.. Investigate(socket, null), new($"Configure the service to bind to {target} instead of {socket.Address}."), .. CloseOrFirewall(socket, null)];
        }

        var fix = service.Remediation;
        List<RemediationStep> steps =
        [
            new($"Bind {service.Name} to {target}: in {fix.Config} set", fix.Directive),
            new($"Restart {service.Name} to apply it.", fix.Restart),
            new("Until it is rebound, block the port at the host firewall (ufw or nftables; loopback clients keep working).",
                $"{fix.FirewallUfw}\n{fix.FirewallNft}"),
            new($"If {service.Name} is not needed on this host, stop and disable it.", fix.Disable),
            new("Verify that it now listens only where intended.", fix.Verify),
        ];
        if (fix.Notes is { } notes)
        {
            steps.Add(new(notes));
        }

        return steps;
    }

    private static IReadOnlyList<RemediationStep> Approve(ListeningSocket socket) =>
    [
        new($"If port {socket.Port}/{Proto(socket)} is needed, record its business need and add it to approved-ports " +
            "(for all hosts, or in a group for this kind of host), with a waiver until that is approved."),
    ];

    private static IReadOnlyList<RemediationStep> CloseOrFirewall(ListeningSocket socket, CatalogueService? service) =>
    [
        new("Otherwise stop the service, or block the port at the host firewall:",
            service?.Remediation.Disable is { } disable
                ? $"{disable}\n{Ufw(socket)}"
                : $"{Ufw(socket)}\n{Nft(socket)}"),
        new("Verify.", Verify(socket, service)),
    ];

    private static IReadOnlyList<RemediationStep> Remove(ListeningSocket socket, CatalogueService? service)
    {
        List<RemediationStep> steps =
        [
            new("Stop and remove the service; block the port until it is gone.",
                $"{service?.Remediation.Disable ?? "sudo systemctl disable --now <unit shown by systemctl status PID>"}\n{Ufw(socket)}"),
        ];
        if (service?.Remediation.Notes is { } notes)
        {
            steps.Add(new(notes));
        }

        steps.Add(new("Verify.", Verify(socket, service)));
        return steps;
    }

    private static IReadOnlyList<RemediationStep> Investigate(ListeningSocket socket, CatalogueService? service)
    {
        var pid = socket.Processes.FirstOrDefault(p => p.Pid is not null)?.Pid;
        return
        [
            new("Find out which program holds the port and which unit started it.",
                pid is { } p
                    ? $"sudo ss -{Flags(socket)} 'sport = :{socket.Port}'\nsudo ls -l /proc/{p}/exe\nsystemctl status {p}"
                    : $"sudo ss -{Flags(socket)} 'sport = :{socket.Port}'"),
        ];
    }

    private static string Verify(ListeningSocket socket, CatalogueService? service) =>
        service?.Remediation.Verify ?? $"sudo ss -{Flags(socket)} 'sport = :{socket.Port}'";

    private static string Ufw(ListeningSocket socket) => $"sudo ufw deny {socket.Port}/{Proto(socket)}";

    // insert: ahead of any accept rule; iif != lo: local clients keep working (same form as the catalogue's).
    private static string Nft(ListeningSocket socket) =>
        $"sudo nft insert rule inet filter input iif != lo {Proto(socket)} dport {socket.Port} drop";

    private static string Flags(ListeningSocket socket) => socket.Proto == Protocol.Tcp ? "lntp" : "lnup";

    private static string Proto(ListeningSocket socket) => socket.Proto.Name();
}
