using PortCompliance.Core.Model;

namespace PortCompliance.Reporting.Model;

/// <summary>
/// Approvals on record as the reports word them: the approved services register, and a waiver's approval. A value the
/// policy does not record is written "not recorded", never left out: an auditor must see the gap.
/// </summary>
internal static class Approvals
{
    /// <summary>
    /// The register of a report. A fleet host's own report holds the entries that apply to that host (the whole policy's
    /// and those of the groups it matched); any other report holds them all.
    /// </summary>
    public static RegisterView Register(PolicyInfo policy, HostResult? fleetHost)
    {
        var entries = fleetHost is null
            ? policy.ApprovedServices
            : [.. policy.ApprovedServices.Where(e => e.Group is null || fleetHost.Groups.Contains(e.Group))];
        var rows = entries.Select(Row).ToList();
        var scope = fleetHost is null
            ? $"Every allowed port entry of policy '{policy.Id}': the whole policy's, then each group's, in the policy's order."
            : $"The entries that apply to {fleetHost.Host}: the whole policy's" +
              (fleetHost.Groups.Count == 0 ? "" : $", and those of the groups it is in ({string.Join(", ", fleetHost.Groups.Select(g => g.Name).Distinct())})") +
              ". The fleet summary report holds the whole register.";
        var incomplete = rows.Count(r => r.Incomplete);
        var summary = rows.Count == 0
            ? "The policy approves no port: every socket reachable from the network is a finding."
            : $"{rows.Count} {(rows.Count == 1 ? "entry" : "entries")}; " +
              (incomplete == 0
                  ? "each has its justification, approver and approval date on record."
                  : $"{incomplete} without a complete approval record (justification, approved by, approved on).");
        return new RegisterView(scope, summary, rows);
    }

    /// <summary>Each waiver once, in ticket order, from its uses.</summary>
    public static IReadOnlyList<WaiverRecordView> Records(IEnumerable<WaiverView> uses) =>
        [.. uses.Select(w => new WaiverRecordView(w.Ticket, w.Rule, w.Reason, w.Expires, w.Approval)).Distinct()
            .OrderBy(w => w.Ticket, StringComparer.Ordinal).ThenBy(w => w.Expires, StringComparer.Ordinal)];

    public static WaiverApproval Of(WaiverReference waiver) => new(
        Recorded.Of(waiver.Owner),
        Recorded.Of(waiver.ApprovedBy),
        waiver.Justification,
        Recorded.Of(waiver.CompensatingControl),
        waiver.SelfApproved ? WaiverApproval.SelfApproved : null);

    private static RegisterRow Row(ApprovedService entry) => new(
        entry.Proto.Name(),
        entry.From == entry.To ? $"{entry.From}" : $"{entry.From}-{entry.To}",
        entry.Group is { } group ? $"group {group.Name} ({Match(group)})" : "whole policy",
        Recorded.Of(entry.Approval.Justification),
        Recorded.Of(entry.Approval.ApprovedBy),
        Recorded.Of(entry.Approval.ApprovedOn?.ToString("yyyy-MM-dd")));

    /// <summary>What a group matches by: <c>hosts web*, *-web; tags web</c>, <c>os Windows</c>.</summary>
    private static string Match(PolicyGroupInfo group) => string.Join("; ", new[]
    {
        group.Hosts.Count > 0 ? $"hosts {string.Join(", ", group.Hosts)}" : null,
        group.Tags.Count > 0 ? $"tags {string.Join(", ", group.Tags)}" : null,
        group.Os.Count > 0 ? $"os {string.Join(", ", group.Os.Select(os => os.Label()))}" : null,
    }.OfType<string>());
}
