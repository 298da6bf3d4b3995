namespace PortCompliance.Core.Model;

/// <summary>
/// The approval on record for an allowed port: why it is allowed, who approved it and on what day — PCI DSS v4.0.1
/// 1.2.5 asks for the list of allowed ports "including business justification and approval for each". Any part may
/// be missing: the reports show the gap rather than hide the entry.
/// </summary>
public sealed record Approval(string? Justification, string? ApprovedBy, DateOnly? ApprovedOn)
{
    public static readonly Approval None = new(null, null, null);
}

/// <summary>
/// One row of the approved services register: an <c>approved-ports</c> entry (a port or a range of one protocol), the
/// hosts it applies to, and its approval. <paramref name="Group"/> is null for an entry of the whole policy.
/// </summary>
public sealed record ApprovedService(Protocol Proto, int From, int To, PolicyGroupInfo? Group, Approval Approval);

/// <summary>
/// A policy group as a report names it: its name and the host-name globs, inventory tags and OSes it matches. Two are
/// equal when name and match are: a host matches both or neither (a policy and the file it extends may both have a
/// group <c>web</c>, matching different hosts).
/// </summary>
public sealed record PolicyGroupInfo(string Name, IReadOnlyList<string> Hosts, IReadOnlyList<string> Tags, IReadOnlyList<HostOs> Os)
{
    public bool Equals(PolicyGroupInfo? other) =>
        other is not null && Name == other.Name && Hosts.SequenceEqual(other.Hosts) && Tags.SequenceEqual(other.Tags) && Os.SequenceEqual(other.Os);

    public override int GetHashCode() => HashCode.Combine(Name, Hosts.Count, Tags.Count, Os.Count);
}
