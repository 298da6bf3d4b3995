using System.Text.Json.Serialization;

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

/// <summary>One host's changes since the baseline.</summary>
public sealed record HostDrift(string Host, HostDriftStatus Status, IReadOnlyList<ListenerChange> Listeners, IReadOnlyList<FindingChange> Findings);

[JsonConverter(typeof(JsonStringEnumConverter<HostDriftStatus>))]
public enum HostDriftStatus
{
    /// <summary>Not in the baseline at all.</summary>
    [JsonStringEnumMemberName("new-host")] NewHost,
    [JsonStringEnumMemberName("changed")] Changed,
    [JsonStringEnumMemberName("unchanged")] Unchanged,
}

/// <summary>
/// What changed, in the order a monthly reader wants it: listeners that appeared or moved first, then findings new,
/// then what went away. Listener changes are keyed on protocol, port and namespace — never on pid, which changes with
/// every restart; finding changes on rule and socket (or, for an input line, its text).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<DriftChange>))]
public enum DriftChange
{
    /// <summary>A listener that was not there.</summary>
    [JsonStringEnumMemberName("opened")] Opened,

    /// <summary>Same port, other addresses: 127.0.0.1 → 0.0.0.0.</summary>
    [JsonStringEnumMemberName("rebound")] Rebound,

    /// <summary>Same port and addresses, other processes.</summary>
    [JsonStringEnumMemberName("owner-changed")] OwnerChanged,

    /// <summary>A finding that was not there.</summary>
    [JsonStringEnumMemberName("new")] New,

    /// <summary>A listener that is gone.</summary>
    [JsonStringEnumMemberName("closed")] Closed,

    /// <summary>A finding that is gone.</summary>
    [JsonStringEnumMemberName("resolved")] Resolved,
}

/// <summary>A listener <see cref="DriftChange.Opened"/>, <see cref="DriftChange.Closed"/>, rebound or re-owned.</summary>
public sealed record ListenerChange(DriftChange Change, Protocol Proto, int Port, string? Before, string? After);

/// <summary>A finding <see cref="DriftChange.New"/> or <see cref="DriftChange.Resolved"/>.</summary>
public sealed record FindingChange(DriftChange Change, string Rule, Severity Severity, string Where);
