using PortCompliance.Core.Model;

namespace PortCompliance.Core.Evaluation;

/// <summary>
/// The run's figures, counted host by host as they are judged: a fleet streams through it and only these numbers stay.
/// </summary>
internal sealed class AuditTally
{
    private readonly int[] _bySeverity = new int[Severities.WorstFirst.Count];
    private readonly SortedDictionary<string, int> _byRule = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _hostsFailingByRule = new(StringComparer.Ordinal);
    private int _hosts;
    private int _compliant;
    private int _sockets;
    private int _waived;
    private int _withoutRoot;

    public void Add(HostResult host)
    {
        _hosts++;
        _compliant += host.Compliant ? 1 : 0;
        _sockets += host.Sockets.Count;
        _withoutRoot += host.Findings.Any(f => f.Rule == RuleIds.UnknownProcess) ? 1 : 0;
        foreach (var finding in host.Findings)
        {
            if (finding.Waived)
            {
                _waived++;
                continue;
            }

            _bySeverity[(int)finding.Severity]++;
            _byRule[finding.Rule] = _byRule.GetValueOrDefault(finding.Rule) + 1;
        }

        foreach (var rule in host.Findings.Where(f => !f.Waived).Select(f => f.Rule).Distinct())
        {
            _hostsFailingByRule[rule] = _hostsFailingByRule.GetValueOrDefault(rule) + 1;
        }
    }

    public AuditSummary Summary(int inputErrors, Severity failOn)
    {
        var counts = new SeverityCounts(
            _bySeverity[(int)Severity.Critical], _bySeverity[(int)Severity.High], _bySeverity[(int)Severity.Medium],
            _bySeverity[(int)Severity.Low], _bySeverity[(int)Severity.Info]);
        return new AuditSummary
        {
            Hosts = _hosts,
            CompliantHosts = _compliant,
            Sockets = _sockets,
            Findings = counts,
            Waived = _waived,
            ByRule = new Dictionary<string, int>(_byRule),
            InputErrors = inputErrors,
            FailOn = failOn,
            Verdict = counts.AtOrAbove(failOn) == 0 ? Verdict.Pass : Verdict.Fail,
            CollectedWithoutRoot = _withoutRoot,
            HostsFailingByRule = new Dictionary<string, int>(_hostsFailingByRule),
        };
    }
}
