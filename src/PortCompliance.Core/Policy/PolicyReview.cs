using PortCompliance.Core.Model;

namespace PortCompliance.Core.Policy;

/// <summary>
/// What <c>policy validate</c> warns about in a policy that loads: gaps an auditor will ask about, never reasons to
/// refuse it. An approved port without its business justification (PCI DSS v4.0.1 1.2.5); a waiver approved by its own
/// owner (separation of duties); a waiver that has expired. A waiver's required <c>reason</c> is its justification.
/// </summary>
public static class PolicyReview
{
    public static IReadOnlyList<Diagnostic> Warnings(Policy policy, DateOnly today)
    {
        var warnings = new List<Diagnostic>();
        var approved = policy.Rules.ApprovedPorts.Select(p => (Entry: p, Where: "approved-ports"))
            .Concat(policy.Groups.SelectMany(g => g.Rules.ApprovedPorts.Select(p => (Entry: p, Where: $"approved-ports of group '{g.Name}'"))));
        foreach (var (entry, where) in approved.Where(a => a.Entry.Approval.Justification is null))
        {
            warnings.Add(Warning(entry.Source, entry.Line, entry.Column,
                $"{where}: {entry.Ports} has no justification; record why it is allowed and who approved it (PCI DSS 1.2.5): " +
                $"{{ port: {Port(entry.Ports)}, justification: \"…\", approved_by: \"…\", approved_on: YYYY-MM-DD }}"));
        }

        foreach (var waiver in policy.Waivers)
        {
            if (waiver.IsSelfApproved)
            {
                warnings.Add(Warning(waiver.Source, waiver.Line, waiver.Column,
                    $"waiver {waiver.Ticket} is approved by its own owner ({waiver.Owner}); separation of duties asks for another approver"));
            }

            if (waiver.IsExpired(today))
            {
                warnings.Add(Warning(waiver.Source, waiver.Line, waiver.Column, $"waiver {waiver.Ticket} expired on {waiver.Expires:yyyy-MM-dd}"));
            }
        }

        // File by file as the policy lists them (the main file first), top to bottom within each.
        var files = policy.Sources.Select(s => s.Path).ToList();
        return [.. warnings.OrderBy(w => files.IndexOf(w.File)).ThenBy(w => w.Line).ThenBy(w => w.Column)];
    }

    private static string Port(PortRange ports) => ports.From == ports.To ? $"{ports.From}" : $"\"{ports.From}-{ports.To}\"";

    private static Diagnostic Warning(string file, int line, int column, string message) =>
        new(file, line, column, DiagnosticSeverity.Warning, message);
}
