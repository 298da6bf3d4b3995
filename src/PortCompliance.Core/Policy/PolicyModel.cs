using PortCompliance.Core.Model;

namespace PortCompliance.Core.Policy;

/// <summary>A validated policy: its rules after <c>extends</c> are applied, its host groups and its waivers.</summary>
public sealed record Policy
{
    public required string Id { get; init; }
    public required string Title { get; init; }

    /// <summary>Every file the policy was read from, the main file first, each with its own hash.</summary>
    public required IReadOnlyList<PolicySource> Sources { get; init; }

    /// <summary>SHA-256 over the hashes of all <see cref="Sources"/> and the catalogue: what an auditor pins.</summary>
    public required string Sha256 { get; init; }

    public required RuleSet Rules { get; init; }
    public required IReadOnlyList<HostGroup> Groups { get; init; }
    public required IReadOnlyList<Waiver> Waivers { get; init; }
}

public sealed record PolicySource(string Path, string Sha256)
{
    /// <summary>The file's bytes as read (at most 1 MiB): the evidence a report attaches.</summary>
    public ReadOnlyMemory<byte> Content { get; init; }
}

/// <summary>Settings every rule has: whether it runs, how bad its findings are, and what it maps to.</summary>
public sealed record RuleSettings(bool Enabled, Severity Severity, IReadOnlyList<string> Controls);

/// <summary>All rules of a policy, or the additions a host group makes to them.</summary>
public sealed record RuleSet
{
    public required IReadOnlyDictionary<string, RuleSettings> Settings { get; init; }

    /// <summary><c>wildcard-bind</c>: sockets allowed on 0.0.0.0 / :: / *.</summary>
    public IReadOnlyList<PortRange> WildcardAllow { get; init; } = [];

    /// <summary><c>approved-ports</c>: the only ports a non-loopback socket may use.</summary>
    public IReadOnlyList<PortRange> ApprovedPorts { get; init; } = [];

    /// <summary><c>loopback-only</c>: services that must listen on loopback only.</summary>
    public IReadOnlyList<ServiceMatch> LoopbackOnly { get; init; } = [];

    /// <summary><c>forbidden-ports</c>: never, anywhere, with the reason.</summary>
    public IReadOnlyList<ForbiddenPort> Forbidden { get; init; } = [];

    /// <summary><c>expected-process</c>: the processes a port may be held by.</summary>
    public IReadOnlyList<ExpectedProcess> Expected { get; init; } = [];

    /// <summary>This set with a group's lists added (groups add; they never remove).</summary>
    public RuleSet With(RuleSet group) => this with
    {
        WildcardAllow = [.. WildcardAllow, .. group.WildcardAllow],
        ApprovedPorts = [.. ApprovedPorts, .. group.ApprovedPorts],
        LoopbackOnly = [.. LoopbackOnly, .. group.LoopbackOnly],
        Forbidden = [.. Forbidden, .. group.Forbidden],
        Expected = [.. Expected, .. group.Expected],
    };
}

/// <summary>A service recognised by port or by process name (postgres moved to 5433 is still PostgreSQL).</summary>
public sealed record ServiceMatch(string Name, IReadOnlyList<PortRange> Ports, IReadOnlyList<string> Processes, string? CatalogueId)
{
    /// <summary>True when the socket's port, or one of its processes, is this service's.</summary>
    public bool Matches(ListeningSocket socket) => PortRange.AnyContains(Ports, socket.Proto, socket.Port) || IsHeldBy(socket);

    /// <summary>True when one of the socket's processes is this service's.</summary>
    public bool IsHeldBy(ListeningSocket socket) => ProcessNames.AnyMatches(socket.Processes, Processes);
}

public sealed record ForbiddenPort(PortRange Ports, string Reason);

public sealed record ExpectedProcess(PortRange Ports, IReadOnlyList<string> Processes);

/// <summary>Extra rules for the hosts a group matches: by host-name glob, by inventory tag, or by OS — any one of them.</summary>
public sealed record HostGroup(string Name, IReadOnlyList<string> HostPatterns, IReadOnlyList<string> Tags, RuleSet Rules)
{
    /// <summary>The OSes the group's <c>match: os:</c> names.</summary>
    public IReadOnlyList<HostOs> Systems { get; init; } = [];

    public bool Matches(string host, IReadOnlyCollection<string> tags, HostOs os) =>
        HostPatterns.Any(p => Glob.IsMatch(host, p)) || Tags.Any(tags.Contains) || Systems.Contains(os);
}

/// <summary>An accepted exception with an owner and an end date. It waives through its expiry day.</summary>
public sealed record Waiver
{
    public required string Rule { get; init; }
    public required IReadOnlyList<string> Hosts { get; init; }
    public Protocol? Proto { get; init; }
    public PortRange? Ports { get; init; }
    public required string Reason { get; init; }
    public required string Ticket { get; init; }
    public required DateOnly Expires { get; init; }
    public string? Approver { get; init; }

    /// <summary>Where the waiver is written, so an expired one can be found and renewed.</summary>
    public required string Source { get; init; }

    public required int Line { get; init; }

    public bool IsExpired(DateOnly today) => today > Expires;

    public bool Covers(Finding finding) =>
        finding.Rule == Rule
        && Hosts.Any(h => Glob.IsMatch(finding.Host, h))
        && (Proto is null || finding.Proto == Proto)
        && (Ports is null || finding.Port is { } port && Ports.Contains(finding.Proto ?? Protocol.Tcp, port));
}
