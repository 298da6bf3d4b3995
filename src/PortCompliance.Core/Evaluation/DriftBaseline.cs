using PortCompliance.Core.Model;

namespace PortCompliance.Core.Evaluation;

/// <summary>
/// Last month's run, indexed by host, for comparing a fleet host by host as it streams past. Only what drift reads
/// is kept: sockets and the findings that counted.
/// </summary>
public sealed class DriftBaseline
{
    private readonly AuditResult _baseline;
    private readonly Dictionary<string, HostResult> _hosts;

    public DriftBaseline(AuditResult baseline)
    {
        _baseline = baseline with { Hosts = [] };
        _hosts = baseline.Hosts.DistinctBy(h => h.Host)
            .ToDictionary(h => h.Host, h => h with { Findings = [.. h.Findings.Where(f => !f.Waived)], Skipped = [], Unparsed = [] }, StringComparer.Ordinal);
        Hosts = [.. baseline.Hosts.Select(h => h.Host)];
    }

    /// <summary>The baseline's hosts, in its order.</summary>
    public IReadOnlyList<string> Hosts { get; }

    public HostDrift Compare(HostResult now) => Drifts.Compare(now, _hosts.GetValueOrDefault(now.Host));

    /// <summary>The drift of one host alone, for its own report.</summary>
    public DriftReport Of(HostDrift host) => Report([host], []);

    /// <summary>The drift of a whole run: these hosts' changes, and the baseline's hosts none of them is.</summary>
    public DriftReport Report(IReadOnlyList<HostDrift> hosts)
    {
        var seen = hosts.Select(h => h.Host).ToHashSet(StringComparer.Ordinal);
        return Report(hosts, [.. Hosts.Where(h => !seen.Contains(h)).Distinct().Order(StringComparer.Ordinal)]);
    }

    private DriftReport Report(IReadOnlyList<HostDrift> hosts, IReadOnlyList<string> disappeared) => new()
    {
        BaselineAuditDate = _baseline.AuditDate.ToString("yyyy-MM-dd"),
        BaselinePolicySha256 = _baseline.Policy.Sha256,
        Hosts = hosts,
        Disappeared = disappeared,
    };
}
