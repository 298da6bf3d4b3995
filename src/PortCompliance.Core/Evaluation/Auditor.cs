using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;

namespace PortCompliance.Core.Evaluation;

/// <summary>What an audit needs besides the inputs: the clock, the failure threshold, and host tags.</summary>
public sealed record AuditSettings(DateTimeOffset Now, Severity FailOn, string ToolVersion)
{
    /// <summary>The fleet inventory: tags for groups, owners for reports, and the hosts expected.</summary>
    public Inventory? Inventory { get; init; }

    /// <summary>The <c>--baseline</c> file, by path and hash, recorded in the run.</summary>
    public EvidenceFileRef? BaselineFile { get; init; }

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);
}

/// <summary>The evaluate stage: a snapshot and a policy in, findings out. Pure: no files, no clock of its own.</summary>
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
        new EmptyInputRule(),
        new UnexplainedOpenPortRule(),
    ];

    public static HostResult Evaluate(HostSnapshot host, Policy.Policy policy, ServiceCatalogue catalogue, AuditSettings settings)
    {
        var listed = settings.Inventory?.Find(host.Host);
        IReadOnlyCollection<string> tags = listed?.Tags ?? [];
        var os = listed?.Os ?? host.Os;
        if (os != host.Os)
        {
            host = host with { Os = os };
        }

        var groups = policy.Groups.Where(g => g.Matches(host.Host, tags, os)).ToList();
        var rules = groups.Aggregate(policy.Rules, (set, g) => set.With(g.Rules));
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
            Os = os,
            Source = host.Source,
            Sha256 = host.Sha256,
            Owner = listed?.Owner,
            Environment = listed?.Environment,
            Tags = listed?.Tags ?? [],
            CapturedAt = host.CapturedAt,
            Lines = host.LineCount,
            MergedFrom = host.MergedFrom,
            Compliant = counts.AtOrAbove(Severity.Low) == 0,
            Counts = counts,
            Sockets = host.Sockets,
            Skipped = host.Skipped,
            Unparsed = host.Unparsed,
            Findings = findings,
            Scan = host.External,
            Groups = [.. groups.Select(g => g.Info)],
        };
    }

    /// <summary>
    /// A run before any host is judged: tool, clock and policy, no hosts, nothing found yet. Hosts are judged one by one
    /// against it (<see cref="Evaluate"/>), counted in an <see cref="AuditTally"/>, and the run closed with the summary.
    /// </summary>
    public static AuditResult Start(Policy.Policy policy, AuditSettings settings) => new()
    {
        Tool = new ToolInfo("portcompliance", settings.ToolVersion),
        GeneratedAt = settings.Now,
        AuditDate = settings.Today,
        Policy = new PolicyInfo(
            policy.Id, policy.Title, policy.Sha256, [.. policy.Sources.Select(s => new PolicySourceInfo(s.Path, s.Sha256))],
            [.. policy.Rules.Settings.Where(s => s.Value.Enabled).Select(s => s.Key)])
        {
            ApprovedServices = policy.Register(),
            RuleControls = policy.Rules.Settings.Where(s => s.Value.Enabled).ToDictionary(s => s.Key, s => s.Value.Controls, StringComparer.Ordinal),
        },
        Summary = new AuditTally().Summary(0, settings.FailOn),
        Hosts = [],
        Inventory = settings.Inventory?.File,
        Baseline = settings.BaselineFile,
    };

    /// <summary>The inventory's hosts that no input covered.</summary>
    public static IReadOnlyList<NotCollectedHost> NotCollected(Inventory? inventory, IEnumerable<string> audited)
    {
        var seen = audited.ToHashSet(StringComparer.Ordinal);
        return [.. (inventory?.Hosts ?? []).Where(i => !seen.Contains(i.Host)).Select(i => new NotCollectedHost(i.Host, i.Owner, i.Environment))];
    }

    /// <summary>The run's figures over these hosts: also what a report of one host of a fleet says about it alone.</summary>
    public static AuditSummary Summarize(IReadOnlyList<HostResult> results, int inputErrors, Severity failOn)
    {
        var tally = new AuditTally();
        foreach (var result in results)
        {
            tally.Add(result);
        }

        return tally.Summary(inputErrors, failOn);
    }
}
