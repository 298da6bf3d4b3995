using PortCompliance.Core.Model;

namespace PortCompliance.Core.Policy;

/// <summary>One policy file as written: what it sets and what it leaves to the files it extends.</summary>
internal sealed record PolicyFile
{
    public required string Source { get; init; }
    public required string Sha256 { get; init; }
    public string? Id { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<(string Path, YamlNode Node)> Extends { get; init; } = [];
    public required PartialRules Rules { get; init; }
    public IReadOnlyList<HostGroup> Groups { get; init; } = [];
    public IReadOnlyList<Waiver> Waivers { get; init; } = [];
}

/// <summary>Rule settings and lists as one file gives them; null means "not said here".</summary>
internal sealed record PartialRules
{
    public IReadOnlyDictionary<string, PartialSettings> Settings { get; init; } = new Dictionary<string, PartialSettings>();
    public IReadOnlyList<PortRange>? WildcardAllow { get; init; }
    public IReadOnlyList<ApprovedPort>? ApprovedPorts { get; init; }
    public IReadOnlyList<ServiceMatch>? LoopbackOnly { get; init; }
    public IReadOnlyList<ForbiddenPort>? Forbidden { get; init; }
    public IReadOnlyList<ExpectedProcess>? Expected { get; init; }

    /// <summary>A file over the one it extends: each setting and list it gives replaces the inherited one.</summary>
    public PartialRules Over(PartialRules inherited)
    {
        var settings = inherited.Settings.ToDictionary();
        foreach (var (rule, mine) in Settings)
        {
            settings[rule] = settings.TryGetValue(rule, out var theirs) ? mine.Over(theirs) : mine;
        }

        return new PartialRules
        {
            Settings = settings,
            WildcardAllow = WildcardAllow ?? inherited.WildcardAllow,
            ApprovedPorts = ApprovedPorts ?? inherited.ApprovedPorts,
            LoopbackOnly = LoopbackOnly ?? inherited.LoopbackOnly,
            Forbidden = Forbidden ?? inherited.Forbidden,
            Expected = Expected ?? inherited.Expected,
        };
    }

    /// <summary>
    /// The final rule set. A policy rule runs when some file configures it (unless <c>enabled: false</c>);
    /// the tool's own rules always run unless switched off.
    /// </summary>
    public RuleSet Complete() => new()
    {
        Settings = RuleIds.All.ToDictionary(
            rule => rule,
            rule => Settings.TryGetValue(rule, out var s)
                ? new RuleSettings(s.Enabled ?? true, s.Severity ?? DefaultSeverity(rule), s.Controls ?? [])
                : new RuleSettings(RuleIds.ToolRules.Contains(rule), DefaultSeverity(rule), [])),
        WildcardAllow = WildcardAllow ?? [],
        ApprovedPorts = ApprovedPorts ?? [],
        LoopbackOnly = LoopbackOnly ?? [],
        Forbidden = Forbidden ?? [],
        Expected = Expected ?? [],
    };

    public static Severity DefaultSeverity(string rule) => rule switch
    {
        RuleIds.LoopbackOnly or RuleIds.ForbiddenPorts => Severity.Critical,
        RuleIds.WildcardBind or RuleIds.ApprovedPorts or RuleIds.UnexplainedOpenPort or RuleIds.EmptyInput => Severity.High,
        RuleIds.UnknownProcess => Severity.Low,
        _ => Severity.Medium,
    };
}

internal sealed record PartialSettings(bool? Enabled, Severity? Severity, IReadOnlyList<string>? Controls)
{
    public PartialSettings Over(PartialSettings inherited) =>
        new(Enabled ?? inherited.Enabled, Severity ?? inherited.Severity, Controls ?? inherited.Controls);
}
