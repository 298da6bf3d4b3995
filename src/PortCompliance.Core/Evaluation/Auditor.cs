using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;

namespace PortCompliance.Core.Evaluation;

/// <summary>What an audit needs besides the inputs: the clock, the failure threshold, and host tags.</summary>
public sealed record AuditSettings(DateTimeOffset Now, Severity FailOn, string ToolVersion)
{
    /// <summary>The fleet inventory: tags for groups, owners for reports, and the hosts expected.</summary>
    public Inventory? Inventory { get; init; }

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);
}

/// <summary>The evaluate stage: snapshots and a policy in, findings out. Pure: no files, no clock of its own.</summary>
public static class Auditor
{
    private static readonly IRule[] Rules =
    [
        new ForbiddenPortsRule(),
        new LoopbackOnlyRule(),
        new WildcardBindRule(),
        new ApprovedPortsRule(),
        new ExpectedProcessRule(),
        new UnknownProcessRule(),
        new UnparsedInputRule(),
        new UnexplainedOpenPortRule(),
    ];

    public static HostResult Evaluate(HostSnapshot host, Policy.Policy policy, ServiceCatalogue catalogue, AuditSettings settings)
    {
        var listed = settings.Inventory?.Find(host.Host);
        IReadOnlyCollection<string> tags = listed?.Tags ?? [];
        var rules = policy.Groups.Where(g => g.Matches(host.Host, tags)).Aggregate(policy.Rules, (set, g) => set.With(g.Rules));
        var factory = new FindingFactory(rules, catalogue);
        var raw = Rules.Where(r => rules.Settings[r.Id].Enabled).SelectMany(r => r.Check(host, rules, factory)).ToList();
        var findings = Waivers.Apply(raw, policy.Waivers, settings.Today, rules)
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ThenBy(f => f.Evidence?.Line ?? 0)
            .ThenBy(f => f.Port ?? 0)
            .ToList();
        var counts = SeverityCounts.Of(findings);
        return new HostResult
        {
            Host = host.Host,
            Format = host.Format,
            Source = host.Source,
            Sha256 = host.Sha256,
            Owner = listed?.Owner,
            Environment = listed?.Environment,
            Lines = host.LineCount,
            MergedFrom = host.MergedFrom,
            Compliant = counts.AtOrAbove(Severity.Low) == 0,
            Counts = counts,
            Sockets = host.Sockets,
            Skipped = host.Skipped,
            Unparsed = host.Unparsed,
            Findings = findings,
            Scan = host.External,
        };
    }

    public static AuditResult Audit(
        IReadOnlyList<HostSnapshot> hosts, IReadOnlyList<InputProblem> inputErrors, Policy.Policy policy,
        ServiceCatalogue catalogue, AuditSettings settings) =>
        Audit(hosts, [], inputErrors, policy, catalogue, settings);

    /// <summary>As above, with outside scans (nmap) merged into the hosts they are of before judging.</summary>
    public static AuditResult Audit(
        IReadOnlyList<HostSnapshot> hosts, IReadOnlyList<ExternalScan> scans, IReadOnlyList<InputProblem> inputErrors,
        Policy.Policy policy, ServiceCatalogue catalogue, AuditSettings settings)
    {
        hosts = Exposures.Merge(hosts, scans);
        var results = hosts.Select(h => Evaluate(h, policy, catalogue, settings)).ToList();
        return new AuditResult
        {
            Tool = new ToolInfo("portcompliance", settings.ToolVersion),
            GeneratedAt = settings.Now,
            AuditDate = settings.Today,
            Policy = new PolicyInfo(
                policy.Id, policy.Title, policy.Sha256, [.. policy.Sources.Select(s => new PolicySourceInfo(s.Path, s.Sha256))],
                [.. policy.Rules.Settings.Where(s => s.Value.Enabled).Select(s => s.Key)]),
            Summary = Summarize(results, inputErrors.Count, settings.FailOn),
            Hosts = results,
            InputErrors = inputErrors,
            NotCollected = [.. (settings.Inventory?.Hosts ?? []).Where(i => results.All(r => r.Host != i.Host))
                .Select(i => new NotCollectedHost(i.Host, i.Owner, i.Environment))],
        };
    }

    /// <summary>The run's figures over these hosts: also what a report of one host of a fleet says about it alone.</summary>
    public static AuditSummary Summarize(IReadOnlyList<HostResult> results, int inputErrors, Severity failOn)
    {
        var all = results.SelectMany(h => h.Findings).ToList();
        var counts = SeverityCounts.Of(all);
        return new AuditSummary
        {
            Hosts = results.Count,
            CompliantHosts = results.Count(h => h.Compliant),
            Sockets = results.Sum(h => h.Sockets.Count),
            Findings = counts,
            Waived = all.Count(f => f.Waived),
            ByRule = all.Where(f => !f.Waived).GroupBy(f => f.Rule).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count()),
            InputErrors = inputErrors,
            FailOn = failOn,
            Verdict = counts.AtOrAbove(failOn) == 0 ? "pass" : "fail",
        };
    }
}
