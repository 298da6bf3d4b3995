namespace PortCompliance.Core.Model;

/// <summary>What changed since the baseline run (<c>--baseline</c> last month's results.json).</summary>
public sealed record DriftReport
{
    public required string BaselineAuditDate { get; init; }
    public required string BaselinePolicySha256 { get; init; }
    public required IReadOnlyList<HostDrift> Hosts { get; init; }

    /// <summary>Hosts the baseline audited that this run did not see at all.</summary>
    public required IReadOnlyList<string> Disappeared { get; init; }
}

/// <summary>One host's changes: <c>new-host</c>, <c>changed</c> or <c>unchanged</c>.</summary>
public sealed record HostDrift(string Host, string Status, IReadOnlyList<ListenerChange> Listeners, IReadOnlyList<FindingChange> Findings);

/// <summary>
/// <c>opened</c>, <c>closed</c>, <c>rebound</c> (same port, other addresses: 127.0.0.1 → 0.0.0.0) or <c>owner-changed</c>;
/// keyed on protocol, port and namespace — never on pid, which changes with every restart.
/// </summary>
public sealed record ListenerChange(string Change, Protocol Proto, int Port, string? Before, string? After);

/// <summary><c>new</c> or <c>resolved</c>, keyed on rule and socket (or, for an input line, its text).</summary>
public sealed record FindingChange(string Change, string Rule, Severity Severity, string Where);
