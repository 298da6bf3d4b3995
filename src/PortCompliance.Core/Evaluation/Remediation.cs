using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;

namespace PortCompliance.Core.Evaluation;

/// <summary>
/// The steps that fix a finding, in the host's OS's own commands (<see cref="OsCommands"/>): the service's own setting
/// where the catalogue knows it for that OS, else the Linux setting to look for with that OS's commands.
/// </summary>
internal static class Remediation
{
    public static IReadOnlyList<RemediationStep> For(string rule, ListeningSocket socket, CatalogueService? service, HostOs os = HostOs.Linux)
    {
        var commands = OsCommands.For(os);
        var fix = Resolve(service, os, socket, commands);
        return rule switch
        {
            RuleIds.WildcardBind or RuleIds.LoopbackOnly => Rebind(rule, socket, service, fix, commands),
            RuleIds.ApprovedPorts => [.. Approve(socket), .. CloseOrFirewall(socket, fix, commands)],
            RuleIds.ForbiddenPorts => [.. Investigate(socket, commands), .. Remove(socket, fix, commands)],
            RuleIds.ExpectedProcess => Investigate(socket, commands),
            RuleIds.UnknownProcess =>
            [
                Run(commands, $"Collect the listing again as {commands.Admin} so every socket shows its process, and audit that file.", commands.Collect),
            ],
            _ => [],
        };
    }

    public static IReadOnlyList<RemediationStep> ForLine(string source, int line, HostOs os = HostOs.Linux)
    {
        var commands = OsCommands.For(os);
        return
        [
            new($"Open {source} at line {line} and check what it shows; a listing edited by hand or cut short loses sockets."),
            Run(commands, $"Collect the listing again, unedited, as {commands.Admin}, and audit the new file.", commands.Collect),
        ];
    }

    public static IReadOnlyList<RemediationStep> ForEmptyInput(string source, HostOs os = HostOs.Linux)
    {
        var commands = OsCommands.For(os);
        return
        [
            new($"Find out why the collection of {source} produced nothing: the command failed, was not found, timed out, or its " +
                "output went elsewhere (stderr, another file). Until then this host's ports are unknown, not compliant."),
            Run(commands, $"Collect the listing again as {commands.Admin}, check that the file has the header row, and audit the new file.",
                commands.CollectAndCheck),
        ];
    }

    /// <summary>A service's fix on one OS. <see cref="Borrowed"/>: the catalogue has it for Linux only, so the setting is Linux's.</summary>
    /// <param name="Checks">The catalogue's apply step of a non-Linux block: it may only show that the setting took.</param>
    private sealed record Fix(
        string? Config, string Directive, string Restart, string Firewall, string Disable, string Verify, string? Notes, bool Borrowed, bool Checks = false);

    private static Fix? Resolve(CatalogueService? service, HostOs os, ListeningSocket socket, IOsCommands commands)
    {
        if (service?.Remediation is not { } r)
        {
            return null;
        }

        var effective = OsCommands.Effective(os);
        if (effective == HostOs.Linux && r.HasLinux)
        {
            return new Fix(r.Config, r.Directive!, r.Restart!, $"{r.FirewallUfw}\n{r.FirewallNft}", r.Disable!, r.Verify!, r.Notes, false);
        }

        var pid = Pid(socket);
        if (r.ForOs.TryGetValue(effective, out var own))
        {
            return new Fix(own.Config, own.Directive, own.Restart, commands.Block(socket), own.Disable, own.Verify, own.Notes, false, Checks: true);
        }

        return r.HasLinux
            ? new Fix(r.Config, r.Directive!, commands.Restart(pid), commands.Block(socket), commands.Stop(socket, pid), commands.Verify(socket), null, true)
            : null;
    }

    private static IReadOnlyList<RemediationStep> Rebind(string rule, ListeningSocket socket, CatalogueService? service, Fix? fix, IOsCommands commands)
    {
        var target = rule == RuleIds.LoopbackOnly ? "loopback" : "loopback, or to the one address it must serve";
        if (service is null || fix is null)
        {
            return
            [
                .. Investigate(socket, commands), new($"Configure the service to bind to {target} instead of {socket.Address}."),
                .. CloseOrFirewall(socket, null, commands),
            ];
        }

        var setting = fix switch
        {
            { Borrowed: true } => $"Bind {service.Name} to {target} with this host's own setting for it. On Linux that is, in {fix.Config}: {fix.Directive}",
            { Config: null } => $"Restrict {service.Name} with its own setting:",
            _ => $"Bind {service.Name} to {target}: in {fix.Config} set",
        };
        List<RemediationStep> steps =
        [
            // Linux's setting is a hint in the text, never code to run here; a line to set in a file is no command.
            fix.Borrowed ? new(setting) : fix.Config is not null ? new(setting, fix.Directive) : Run(commands, setting, fix.Directive),
            Run(commands, fix.Checks ? $"Apply it to {service.Name} and check that it took." : $"Restart {service.Name} to apply it.", fix.Restart),
            Run(commands, $"Until it is rebound, block the port at the host firewall ({commands.Firewall}).", fix.Firewall),
            Run(commands, $"If {service.Name} is not needed on this host, stop and disable it.", fix.Disable),
            Run(commands, "Verify that it now listens only where intended.", fix.Verify),
        ];
        if (fix.Notes is { } notes)
        {
            steps.Add(new(notes));
        }

        return steps;
    }

    private static IReadOnlyList<RemediationStep> Approve(ListeningSocket socket) =>
    [
        new($"If port {socket.Port}/{socket.Proto.Name()} is needed, record its business need and add it to approved-ports " +
            "(for all hosts, or in a group for this kind of host), with a waiver until that is approved."),
    ];

    private static IReadOnlyList<RemediationStep> CloseOrFirewall(ListeningSocket socket, Fix? fix, IOsCommands commands) =>
    [
        Run(commands, "Otherwise stop the service, or block the port at the host firewall:",
            fix is null ? commands.Block(socket) : $"{fix.Disable}\n{commands.BlockAfterStop(socket)}"),
        Run(commands, "Verify.", fix?.Verify ?? commands.Verify(socket)),
    ];

    private static IReadOnlyList<RemediationStep> Remove(ListeningSocket socket, Fix? fix, IOsCommands commands)
    {
        List<RemediationStep> steps =
        [
            Run(commands, "Stop and remove the service; block the port until it is gone.",
                $"{fix?.Disable ?? commands.Stop(socket, Pid(socket))}\n{commands.BlockAfterStop(socket)}"),
        ];
        if (fix?.Notes is { } notes)
        {
            steps.Add(new(notes));
        }

        steps.Add(Run(commands, "Verify.", fix?.Verify ?? commands.Verify(socket)));
        return steps;
    }

    private static IReadOnlyList<RemediationStep> Investigate(ListeningSocket socket, IOsCommands commands) =>
    [
        Run(commands, $"Find out which program holds the port and which {commands.Starter} started it.", commands.Investigate(socket, Pid(socket))),
    ];

    /// <summary>A step whose code is a command line of the OS's shell (a config line is not: it has no shell).</summary>
    private static RemediationStep Run(IOsCommands commands, string text, string code) => new(text, code, commands.Shell);

    private static int? Pid(ListeningSocket socket) => socket.Processes.FirstOrDefault(p => p.Pid is not null)?.Pid;
}
