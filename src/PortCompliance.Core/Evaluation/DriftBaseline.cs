using PortCompliance.Core.Model;

namespace PortCompliance.Core.Evaluation;

/// <summary>
/// Last month's run, indexed by host, for comparing a fleet host by host as it streams past. Only what drift reads
/// is kept: sockets and the findings that counted.
/// </summary>
internal sealed class DriftBaseline
{
    private readonly string _auditDate;
    private readonly string _policySha256;
    private readonly Dictionary<string, HostResult> _hosts;

    public DriftBaseline(AuditResult baseline)
    {
        (_auditDate, _policySha256) = (baseline.AuditDate.ToString("yyyy-MM-dd"), baseline.Policy.Sha256);
        _hosts = baseline.Hosts.DistinctBy(h => h.Host)
            .ToDictionary(h => h.Host, h => h with { Findings = [.. h.Findings.Where(f => !f.Waived)], Skipped = [], Unparsed = [] }, StringComparer.Ordinal);
    }

    public HostDrift Compare(HostResult now) => Drifts.Compare(now, _hosts.GetValueOrDefault(now.Host));

    /// <summary>The drift of one host alone, for its own report.</summary>
    public DriftReport Of(HostDrift host) => Report([host], []);

    /// <summary>The drift of a whole run: these hosts' changes, and the baseline's hosts none of them is.</summary>
    public DriftReport Report(IReadOnlyList<HostDrift> hosts)
    {
        var seen = hosts.Select(h => h.Host).ToHashSet(StringComparer.Ordinal);
        return Report(hosts, [.. _hosts.Keys.Where(h => !seen.Contains(h)).Order(StringComparer.Ordinal)]);
    }

    private DriftReport Report(IReadOnlyList<HostDrift> hosts, IReadOnlyList<string> disappeared) => new()
    {
        BaselineAuditDate = _auditDate,
        BaselinePolicySha256 = _policySha256,
        Hosts = hosts,
        Disappeared = disappeared,
    };
}
