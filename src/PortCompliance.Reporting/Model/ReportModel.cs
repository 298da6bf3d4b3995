using PortCompliance.Core.Model;

namespace PortCompliance.Reporting.Model;

/// <summary>
/// Everything a report shows, in the order it shows it, already sorted and worded. The PDF and the HTML page
/// render this one model, so they carry the same content. Built from an <see cref="AuditResult"/> by
/// <see cref="ReportModelBuilder"/>; nothing here is judged again.
/// </summary>
public sealed record ReportModel
{
    public required CoverView Cover { get; init; }
    public required SummaryView Summary { get; init; }
    public required IReadOnlyList<HostView> Hosts { get; init; }
    public required IReadOnlyList<ControlView> Controls { get; init; }

    /// <summary>The approved services register: each allowed port, where it applies, why, who approved it and when.</summary>
    public required RegisterView Register { get; init; }

    public required IReadOnlyList<WaiverView> Waivers { get; init; }

    /// <summary>Each waiver of <see cref="Waivers"/> once, with its approval on record: those list every use.</summary>
    public required IReadOnlyList<WaiverRecordView> WaiverRecords { get; init; }

    public required IReadOnlyList<EvidenceFileView> Evidence { get; init; }
    public required IReadOnlyList<InputProblem> InputErrors { get; init; }

    /// <summary>
    /// For a fleet (more hosts than <see cref="FleetView.Threshold"/>): the summary tables that replace the full host
    /// sections, each host having a report of its own under <c>hosts/</c>. Null for a small run: one combined report.
    /// </summary>
    public FleetView? Fleet { get; init; }

    /// <summary>What changed since the baseline run (<c>--baseline</c>); null without one. Reports open with it.</summary>
    public DriftView? Drift { get; init; }

    /// <summary>How the data was collected and judged: paragraphs for the method statement.</summary>
    public required IReadOnlyList<string> Method { get; init; }

    /// <summary>The audit itself, for renderers that write it out whole (JSON, CSV, JUnit).</summary>
    public required AuditResult Result { get; init; }

    /// <summary>Which report this is: a small run's combined one, a fleet's summary, or one host's report of a fleet.</summary>
    public ReportScope Scope { get; init; }
}

public enum ReportScope
{
    Combined,
    FleetSummary,
    FleetHost,
}

public sealed record CoverView
{
    public required string Title { get; init; }
    public required string? Organisation { get; init; }

    /// <summary>Short stable id of this report (inputs, policy, date), printed in every page footer.</summary>
    public required string ReportId { get; init; }

    public required string AuditDate { get; init; }
    public required string GeneratedAt { get; init; }
    public required string ToolVersion { get; init; }
    public required string PolicyId { get; init; }
    public required string PolicyTitle { get; init; }
    public required string PolicySha256 { get; init; }
    public required IReadOnlyList<PolicySourceInfo> PolicySources { get; init; }

    /// <summary><c>PASS</c> or <c>FAIL</c>.</summary>
    public required string Verdict { get; init; }

    /// <summary>One sentence an auditor can quote: what the verdict means.</summary>
    public required string VerdictText { get; init; }

    public required int HostCount { get; init; }

    /// <summary>The hosts by OS: <c>3 Linux, 1 Windows</c>.</summary>
    public required string Systems { get; init; }
    public required int InputFileCount { get; init; }
    public required string FailOn { get; init; }
}

public sealed record SummaryView
{
    public required int Hosts { get; init; }
    public required int CompliantHosts { get; init; }
    public required int Sockets { get; init; }
    public required int Waived { get; init; }

    /// <summary>Findings that count, worst severity first, every severity listed (zero included) for the chart.</summary>
    public required IReadOnlyList<SeverityCount> BySeverity { get; init; }

    /// <summary>Rules by how many findings they raised, most first.</summary>
    public required IReadOnlyList<RuleCount> TopRules { get; init; }

    /// <summary>Hosts with the worst findings first; at most ten.</summary>
    public required IReadOnlyList<HostRank> WorstHosts { get; init; }
}

public sealed record SeverityCount(string Severity, int Count);

public sealed record RuleCount(string Rule, int Count);

/// <summary>A host among the worst; <paramref name="Link"/> is its section (<c>#h-web01</c>) or, in a fleet, its own report.</summary>
public sealed record HostRank(string Host, string Anchor, string WorstSeverity, int Findings, int Critical, int High, string Link);

public sealed record HostView
{
    public required string Host { get; init; }

    /// <summary>A name safe for an HTML id, a PDF bookmark target or a file name (<c>web01</c>, <c>h-3f2a…</c>).</summary>
    public required string Anchor { get; init; }

    public required string Format { get; init; }

    /// <summary>The host's OS as people name it (<c>Windows</c>, <c>macOS</c>); its fixes are written for it.</summary>
    public required string Os { get; init; }

    public required string Source { get; init; }
    public required string Sha256 { get; init; }
    public required bool Compliant { get; init; }

    /// <summary><c>compliant</c>, or the worst counting severity (<c>critical</c> …).</summary>
    public required string Status { get; init; }

    public required SeverityCounts Counts { get; init; }

    /// <summary>The outside scan the sockets' exposure comes from (<c>nmap of 10.0.0.5 (web01.nmap.xml)</c>), or null.</summary>
    public string? Scanned { get; init; }

    public required IReadOnlyList<SocketRow> Sockets { get; init; }
    public required IReadOnlyList<FindingView> Findings { get; init; }

    /// <summary>
    /// The host's own drift since the baseline, as Evaluation measured it (its one <see cref="DriftReport.Hosts"/> entry,
    /// with the baseline's date); null without a baseline.
    /// </summary>
    public DriftReport? Drift { get; init; }
}

public sealed record SocketRow
{
    public required string Proto { get; init; }

    /// <summary>As people write it: <c>[::]:22</c>, <c>0.0.0.0%lo:9100</c>, <c>*:68</c>.</summary>
    public required string Endpoint { get; init; }

    public required int Port { get; init; }
    public required string Scope { get; init; }
    public required string Processes { get; init; }
    public required int Line { get; init; }

    /// <summary><c>ok</c>, <c>waived</c>, or the worst counting severity of its findings.</summary>
    public required string Status { get; init; }

    /// <summary>What the outside scan saw: <c>reachable</c>, <c>filtered</c>, <c>not-scanned</c>; null without a scan.</summary>
    public string? Exposure { get; init; }

    /// <summary>Ids of the findings on this socket (<c>F-003</c>), for cross-reference.</summary>
    public required IReadOnlyList<string> FindingIds { get; init; }
}

public sealed record FindingView
{
    /// <summary>Report-wide id: <c>F-001</c> … in report order.</summary>
    public required string Id { get; init; }

    public required string Host { get; init; }
    public required string Severity { get; init; }
    public required string Rule { get; init; }

    /// <summary><c>TCP 0.0.0.0:5432</c>, or <c>samples/x.txt line 9</c> for a finding about an input line.</summary>
    public required string Where { get; init; }

    public required string? Service { get; init; }
    public required string Processes { get; init; }
    public required string Message { get; init; }
    public required IReadOnlyList<RemediationStep> Steps { get; init; }

    /// <summary>
    /// The first finding in the report with exactly these steps, when it is another one: a printed report refers to it
    /// instead of repeating the same commands for every socket of a daemon on every host.
    /// </summary>
    public string? SameStepsAs { get; init; }
    public required string? EvidenceSource { get; init; }
    public required int? EvidenceLine { get; init; }
    public required string? EvidenceText { get; init; }
    public required IReadOnlyList<string> Controls { get; init; }
    public required bool Waived { get; init; }

    public required WaiverReference? Waiver { get; init; }

    /// <summary><c>Waived: SEC-142 until 2026-12-31 (reason)</c>, <c>Waiver SEC-142 expired 2026-10-31</c>, or null.</summary>
    public required string? WaiverText { get; init; }

    /// <summary>The approval of the waiver (<see cref="Waiver"/>) on record, shown with the finding it waives; null without one.</summary>
    public required WaiverApproval? Approval { get; init; }
}

/// <summary>One framework requirement and the findings that fall under it.</summary>
public sealed record ControlView(string Control, IReadOnlyList<string> Rules, IReadOnlyList<string> Hosts, int Findings, int Waived);

/// <summary>
/// One use of a waiver: the finding it covers (or, expired, no longer covers), with the waiver's approval.
/// <paramref name="Approver"/> is the approval's approver, kept for the templates written before <paramref name="Approval"/>.
/// </summary>
public sealed record WaiverView(
    string Ticket, string Rule, string Host, string Where, string Reason, string? Approver, string Expires, string Status, WaiverApproval Approval);

/// <summary>One waiver as the policy grants it, with its approval: the record behind every use of it.</summary>
public sealed record WaiverRecordView(string Ticket, string Rule, string Reason, string Expires, WaiverApproval Approval);

/// <summary>
/// A waiver's approval as the reports show it: who owns it, who approved it, its business justification beside the
/// reason (null when the policy gives none: the reason is its justification), the compensating control, and
/// <see cref="Flag"/> when it was approved by its own owner.
/// </summary>
public sealed record WaiverApproval(Recorded Owner, Recorded ApprovedBy, string? Justification, Recorded CompensatingControl, string? Flag)
{
    public const string SelfApproved = "approved by its own owner (separation of duties)";
}

/// <summary>A value of an approval record: as the policy gives it, or <see cref="NotRecorded"/>, which a report shows as a gap.</summary>
public sealed record Recorded(string Text, bool Missing)
{
    public const string NotRecorded = "not recorded";

    public static Recorded Of(string? value) => value is null ? new(NotRecorded, true) : new(value, false);
}

/// <summary>
/// The approved services register (PCI DSS v4.0.1 1.2.5): the policy's allowed port entries in policy order, the whole
/// policy's first. <see cref="Scope"/> says which entries this report holds; <see cref="Summary"/> counts the gaps.
/// </summary>
public sealed record RegisterView(string Scope, string Summary, IReadOnlyList<RegisterRow> Rows);

/// <summary>One allowed port entry: <c>tcp</c> <c>8000-8010</c>, the hosts it applies to, and its approval.</summary>
public sealed record RegisterRow(string Proto, string Ports, string AppliesTo, Recorded Justification, Recorded ApprovedBy, Recorded ApprovedOn)
{
    /// <summary>True when any part of the approval record is missing.</summary>
    public bool Incomplete => Justification.Missing || ApprovedBy.Missing || ApprovedOn.Missing;
}

public sealed record FleetView(
    IReadOnlyList<FleetHost> Hosts, IReadOnlyList<RuleCompliance> Rules, PortMatrix Exposed, IReadOnlyList<WaiverView> ExpiringSoon)
{
    /// <summary>Above this many hosts a run is a fleet: a summary report plus one report per host.</summary>
    public const int Threshold = 10;

    public static bool IsFleet(int hosts) => hosts > Threshold;
}

/// <summary>One host of the fleet: how compliant it is and where its own report is.</summary>
public sealed record FleetHost(
    string Host, string Anchor, string Os, string? Owner, int Sockets, int OpenFindings, int CompliantPercent, string Status, string PdfFile, string HtmlFile);

/// <summary>How many hosts a rule passes on.</summary>
public sealed record RuleCompliance(string Rule, int HostsFailing, int CompliantPercent);

/// <summary>
/// Which host exposes which port to the network (any non-loopback listener): ports with an open finding first, then
/// those most hosts expose.
/// </summary>
public sealed record PortMatrix(IReadOnlyList<string> Ports, IReadOnlyList<PortMatrixRow> Rows);

public sealed record PortMatrixRow(string Host, string Anchor, IReadOnlyList<bool> Exposes);

/// <summary>The changes since the baseline audit, worst first: what a monthly reader looks at before anything else.</summary>
public sealed record DriftView(
    string Since, string Summary, IReadOnlyList<DriftRow> Changes, IReadOnlyList<string> NewHosts, IReadOnlyList<string> Disappeared);

/// <summary>
/// One change on one host: a listener <c>opened</c>, <c>closed</c>, <c>rebound</c> or <c>owner-changed</c>, or a finding
/// <c>new</c> or <c>resolved</c>.
/// </summary>
public sealed record DriftRow(string Host, string Anchor, string Change, string What, string? Before, string? After, string Link);

public sealed record EvidenceFileView
{
    public required string Source { get; init; }
    public required string Host { get; init; }
    public required string Format { get; init; }
    public required string Sha256 { get; init; }
    public required int Lines { get; init; }
    public required int Sockets { get; init; }
    public required int Skipped { get; init; }
    public required IReadOnlyList<UnparsedLine> Unparsed { get; init; }
}
