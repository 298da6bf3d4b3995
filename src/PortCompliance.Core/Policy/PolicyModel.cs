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

    /// <summary>The approved services register: the whole policy's <c>approved-ports</c> entries, then each group's.</summary>
    public IReadOnlyList<ApprovedService> Register() =>
    [
        .. Rules.ApprovedPorts.Select(p => p.Entry(group: null)),
        .. Groups.SelectMany(g => g.Rules.ApprovedPorts.Select(p => p.Entry(g.Info))),
    ];
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

    /// <summary><c>approved-ports</c>: the only ports a non-loopback socket may use, each with its approval.</summary>
    public IReadOnlyList<ApprovedPort> ApprovedPorts { get; init; } = [];

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

/// <summary>
/// An <c>approved-ports</c> entry: its ports (of one protocol) and the approval on record for them, with where it is
/// written, so <c>policy validate</c> can point at an entry that lacks its justification.
/// </summary>
public sealed record ApprovedPort(PortRange Ports, Approval Approval, string Source, int Line, int Column)
{
    public ApprovedService Entry(PolicyGroupInfo? group) => new(Ports.Proto ?? Protocol.Tcp, Ports.From, Ports.To, group, Approval);

    // Called for every socket of every host: a loop, not a closure per call.
    public static bool AnyContains(IReadOnlyList<ApprovedPort> approved, Protocol proto, int port)
    {
        foreach (var entry in approved)
        {
            if (entry.Ports.Contains(proto, port))
            {
                return true;
            }
        }

        return false;
    }
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

    /// <summary>The group as a report names it.</summary>
    public PolicyGroupInfo Info => new(Name, HostPatterns, Tags, Systems);
}

/// <summary>
/// An accepted exception with a ticket, an end date and its approval: who owns it, who approved it, why, and what
/// compensates for it. It waives through its expiry day.
/// </summary>
public sealed record Waiver
{
    public required string Rule { get; init; }
    public required IReadOnlyList<string> Hosts { get; init; }
    public Protocol? Proto { get; init; }
    public PortRange? Ports { get; init; }

    /// <summary>Why the exception is accepted; it is the waiver's justification when no longer one is given.</summary>
    public required string Reason { get; init; }

    public required string Ticket { get; init; }
    public required DateOnly Expires { get; init; }

    /// <summary>Who answers for the exception.</summary>
    public string? Owner { get; init; }

    /// <summary><c>approved_by</c> (or its older name <c>approver</c>): who granted the exception.</summary>
    public string? ApprovedBy { get; init; }

    public string? Justification { get; init; }
    public string? CompensatingControl { get; init; }

    /// <summary>Where the waiver is written, so an expired one can be found and renewed.</summary>
    public required string Source { get; init; }

    public required int Line { get; init; }
    public int Column { get; init; }

    public bool IsExpired(DateOnly today) => today > Expires;

    /// <summary>Approved by the person who owns it (names compared trimmed, ignoring case): no separation of duties.</summary>
    public bool IsSelfApproved =>
        Owner is { } owner && ApprovedBy is { } approver && string.Equals(owner.Trim(), approver.Trim(), StringComparison.OrdinalIgnoreCase);

    public bool Covers(Finding finding) =>
        finding.Rule == Rule
        && Hosts.Any(h => Glob.IsMatch(finding.Host, h))
        && (Proto is null || finding.Proto == Proto)
        && (Ports is null || finding.Port is { } port && Ports.Contains(finding.Proto ?? Protocol.Tcp, port));
}
