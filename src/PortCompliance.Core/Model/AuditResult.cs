namespace PortCompliance.Core.Model;

/// <summary>Everything one audit run found: what a renderer reads and what a later run compares against.</summary>
public sealed record AuditResult
{
    public required ToolInfo Tool { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The day waivers are judged against.</summary>
    public required DateOnly AuditDate { get; init; }

    public required PolicyInfo Policy { get; init; }
    public required AuditSummary Summary { get; init; }
    public required IReadOnlyList<HostResult> Hosts { get; init; }

    /// <summary>Inputs that could not be read at all; the rest of the batch went on without them.</summary>
    public IReadOnlyList<InputProblem> InputErrors { get; init; } = [];

    /// <summary>Hosts the inventory lists that no input covered: nothing is known about them.</summary>
    public IReadOnlyList<NotCollectedHost> NotCollected { get; init; } = [];

    /// <summary>What changed since the baseline run, when one was given.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public DriftReport? Drift { get; init; }

    /// <summary>The <c>--inventory</c> file judged with, by path and hash; absent without one.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public EvidenceFileRef? Inventory { get; init; }

    /// <summary>The <c>--baseline</c> results.json drift was measured against, by path and hash; absent without one.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public EvidenceFileRef? Baseline { get; init; }
}

/// <summary>A file the audit rests on, as given and as hashed (SHA-256 of its bytes, what <c>sha256sum</c> prints).</summary>
public sealed record EvidenceFileRef(string Path, string Sha256);

public sealed record ToolInfo(string Name, string Version);

/// <summary>The policy judged against; <paramref name="Rules"/> are the rules that ran.</summary>
public sealed record PolicyInfo(string Id, string Title, string Sha256, IReadOnlyList<PolicySourceInfo> Sources, IReadOnlyList<string> Rules)
{
    /// <summary>
    /// Every <c>approved-ports</c> entry with its approval, the whole policy's first, then each group's: the approved
    /// services register the reports show. Policy content, pinned by <see cref="Sha256"/>: not part of results.json.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<ApprovedService> ApprovedServices { get; init; } = [];

    /// <summary>
    /// Each rule's controls as the policy sets them (<c>NIST SP 800-53 Rev. 5 CM-7</c> …), known whether or not the rule
    /// raised anything. Policy content, pinned by <see cref="Sha256"/>: not part of results.json.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyDictionary<string, IReadOnlyList<string>> RuleControls { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}

public sealed record PolicySourceInfo(string Path, string Sha256);

public sealed record InputProblem(string Source, int Line, string Message);

public sealed record NotCollectedHost(string Host, string? Owner, string? Environment);

/// <summary>One host: its sockets as read, and what the policy made of them.</summary>
public sealed record HostResult
{
    public required string Host { get; init; }
    public required string Format { get; init; }

    /// <summary>The host's OS: the inventory's, else what its listing told. Remediation is written for it.</summary>
    public HostOs Os { get; init; }

    public required string Source { get; init; }
    public required string Sha256 { get; init; }

    /// <summary>From the inventory: who answers for the host, and which environment it is in.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Owner { get; init; }

    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Environment { get; init; }

    /// <summary>The inventory's tags of the host, as listed; empty without one. Not part of results.json.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>When its listing was taken (<c># captured:</c>), null when no input says. Not part of results.json.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset? CapturedAt { get; init; }

    /// <summary>The further inputs the host was merged from, each with its hash.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<InputFileRef>? MergedFrom { get; init; }

    /// <summary>Physical lines in the input, blank ones included.</summary>
    public int Lines { get; init; }

    public required bool Compliant { get; init; }
    public required SeverityCounts Counts { get; init; }
    public required IReadOnlyList<ListeningSocket> Sockets { get; init; }
    public required IReadOnlyList<SkippedLine> Skipped { get; init; }
    public required IReadOnlyList<UnparsedLine> Unparsed { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>The outside scan the sockets' exposure comes from, when one was given.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ExternalScan? Scan { get; init; }

    /// <summary>
    /// The policy groups the host matched, in policy order: which entries of the approved services register apply to
    /// it (<see cref="PolicyInfo.ApprovedServices"/>). Not part of results.json.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<PolicyGroupInfo> Groups { get; init; } = [];
}

/// <summary>Findings that count (not waived), by severity.</summary>
public sealed record SeverityCounts(int Critical, int High, int Medium, int Low, int Info)
{
    public static SeverityCounts Of(IEnumerable<Finding> findings)
    {
        var counting = findings.Where(f => !f.Waived).ToList();
        int Count(Severity s) => counting.Count(f => f.Severity == s);
        return new(Count(Severity.Critical), Count(Severity.High), Count(Severity.Medium), Count(Severity.Low), Count(Severity.Info));
    }

    public int this[Severity severity] => severity switch
    {
        Severity.Critical => Critical,
        Severity.High => High,
        Severity.Medium => Medium,
        Severity.Low => Low,
        _ => Info,
    };

    public int AtOrAbove(Severity threshold) => Severities.WorstFirst.Where(s => s >= threshold).Sum(s => this[s]);
}

public sealed record AuditSummary
{
    public required int Hosts { get; init; }
    public required int CompliantHosts { get; init; }
    public required int Sockets { get; init; }
    public required SeverityCounts Findings { get; init; }
    public required int Waived { get; init; }
    public required IReadOnlyDictionary<string, int> ByRule { get; init; }
    public required int InputErrors { get; init; }
    public required Severity FailOn { get; init; }

    /// <summary><see cref="Verdict.Pass"/> when no finding at or above <see cref="FailOn"/> counts.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>
    /// Hosts whose listing shows no owner for some socket (an <c>unknown-process</c> finding): collected without root.
    /// Said in the reports' method statement; not part of results.json.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int CollectedWithoutRoot { get; init; }

    /// <summary>For each rule, how many hosts have an open (unwaived) finding of it. Not part of results.json.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyDictionary<string, int> HostsFailingByRule { get; init; } = new Dictionary<string, int>();
}

/// <summary>
/// One host as an audit run leaves it: judged, counted on its own (the figures of its own report), and compared with
/// the baseline (its drift alone; null without a baseline). <see cref="Index"/> is its place in the run's report order.
/// </summary>
public sealed record HostAudit(int Index, HostResult Result, AuditSummary Summary, DriftReport? Drift);
