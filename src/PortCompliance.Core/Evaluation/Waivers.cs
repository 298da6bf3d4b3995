using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;

namespace PortCompliance.Core.Evaluation;

/// <summary>
/// Marks findings an active waiver covers (they stay, marked waived with the ticket). A finding covered only by
/// expired waivers counts again, carries the expired waiver, and raises one <c>waiver-expired</c> per waiver.
/// </summary>
internal static class Waivers
{
    public static IEnumerable<Finding> Apply(IReadOnlyList<Finding> findings, IReadOnlyList<Waiver> waivers, DateOnly today, RuleSet rules)
    {
        var expiredUsed = new List<(Waiver Waiver, Finding Finding)>();
        foreach (var finding in findings)
        {
            var covering = waivers.Where(w => w.Covers(finding)).ToList();
            var active = covering.FirstOrDefault(w => !w.IsExpired(today));
            if (active is not null)
            {
                yield return finding with { Waived = true, Waiver = Reference(active, expired: false) };
                continue;
            }

            var expired = covering.MaxBy(w => w.Expires);
            if (expired is not null)
            {
                expiredUsed.Add((expired, finding));
                yield return finding with { Waiver = Reference(expired, expired: true) };
                continue;
            }

            yield return finding;
        }

        var settings = rules.Settings[RuleIds.WaiverExpired];
        if (!settings.Enabled)
        {
            yield break;
        }

        foreach (var group in expiredUsed.GroupBy(x => x.Waiver))
        {
            var (waiver, first) = (group.Key, group.First().Finding);
            // The same socket and evidence as the finding it no longer covers; only what is said about it differs.
            yield return first with
            {
                Rule = RuleIds.WaiverExpired,
                Severity = settings.Severity,
                Message = $"Waiver {waiver.Ticket} for {waiver.Rule} (\"{waiver.Reason}\") expired on {waiver.Expires:yyyy-MM-dd}; " +
                          $"the {group.Count()} finding(s) it covered on this host count again.",
                Remediation =
                [
                    new($"Fix the finding, or renew the waiver at {waiver.Source} line {waiver.Line} with a new expiry date and a fresh approval."),
                ],
                Waived = false,
                Waiver = Reference(waiver, expired: true),
                Controls = settings.Controls,
            };
        }
    }

    private static WaiverReference Reference(Waiver waiver, bool expired) =>
        new(waiver.Ticket, waiver.Reason, waiver.Expires, waiver.ApprovedBy, expired)
        {
            Owner = waiver.Owner,
            Justification = waiver.Justification,
            CompensatingControl = waiver.CompensatingControl,
            SelfApproved = waiver.IsSelfApproved,
        };
}
