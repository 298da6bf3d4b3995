using PortCompliance.Core.Model;

namespace PortCompliance.Reporting.Model;

/// <summary>Projects an audit into the report model: sorts, numbers, words. It never judges again.</summary>
public static class ReportModelBuilder
{
    private const int WorstHostsShown = 10;

    /// <summary>
    /// The report of one host of a fleet: its own cover, verdict, findings (numbered from F-001) and changes.
    /// <paramref name="anchor"/> is the host's anchor in the fleet (<see cref="FleetAnchors"/>), which also names its files.
    /// </summary>
    public static ReportModel ForHost(AuditResult run, HostAudit host, string anchor, ReportOptions options) => Build(run with
    {
        Hosts = [host.Result],
        Summary = host.Summary,
        InputErrors = [],
        NotCollected = [],
        Drift = host.Drift,
    }, options, anchor);

    /// <summary>The anchors of a fleet's hosts, in report order: unique, safe as file names.</summary>
    public static IReadOnlyList<string> FleetAnchors(IEnumerable<string> hosts)
    {
        var anchors = new HostAnchors();
        return [.. hosts.Select(anchors.For)];
    }

    /// <summary>
    /// A fleet's summary report: figures, tables and appendices from what <paramref name="fleet"/> kept of each host;
    /// no host sections (each host has its own report). <paramref name="closing"/> is the run with its summary.
    /// </summary>
    public static ReportModel ForFleet(AuditResult closing, FleetSummary fleet, ReportOptions options)
    {
        var waivers = fleet.Waivers;
        return new ReportModel
        {
            Cover = Cover(closing, fleet.Evidence, options),
            Summary = Summary(closing.Summary, fleet.Ranks),
            Hosts = [],
            Controls = fleet.Controls,
            Register = Approvals.Register(closing.Policy, fleetHost: null),
            Waivers = waivers,
            WaiverRecords = Approvals.Records(waivers),
            Evidence = fleet.EvidenceFiles,
            InputErrors = closing.InputErrors,
            Drift = closing.Drift is { } drift ? Drift(drift, fleet.Anchors, isFleet: true) : null,
            Fleet = fleet.View(closing, waivers),
            Method = MethodStatement.Paragraphs(closing, fleet.Evidence),
            Result = closing,
            Scope = ReportScope.FleetSummary,
        };
    }

    /// <summary>
    /// A whole fleet at once, the way a fleet audit streams it: each host's own model, kept as a summary row, then the
    /// summary report. <paramref name="closing"/> is the run with its summary; <paramref name="hosts"/> in report order.
    /// </summary>
    public static ReportModel ForFleet(AuditResult closing, IReadOnlyList<HostAudit> hosts, ReportOptions options)
    {
        var run = closing with { Hosts = [], Drift = null };
        var fleet = new FleetSummary(run);
        var anchors = FleetAnchors(hosts.Select(h => h.Result.Host));
        foreach (var host in hosts)
        {
            fleet.Add(host, ForHost(run, host, anchors[host.Index], options));
        }

        return ForFleet(closing with { Hosts = [] }, fleet, options);
    }

    /// <summary>One combined report of a small run (<see cref="FleetView.IsFleet"/> is false): every host's section in it.</summary>
    public static ReportModel Build(AuditResult result, ReportOptions options) =>
        FleetView.IsFleet(result.Hosts.Count)
            ? throw new ArgumentException($"a run of {result.Hosts.Count} hosts is a fleet: its reports are built host by host ({nameof(ForFleet)})", nameof(result))
            : Build(result, options, anchor: null);

    private static ReportModel Build(AuditResult result, ReportOptions options, string? anchor)
    {
        var anchors = new HostAnchors();
        var hosts = new List<HostView>();
        var firstWithSteps = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        var drifts = result.Drift?.Hosts.DistinctBy(h => h.Host).ToDictionary(h => h.Host, StringComparer.Ordinal);
        foreach (var host in result.Hosts)
        {
            var findings = host.Findings.Select(f => Finding(f, $"F-{++number:000}")).Select(f => WithSharedSteps(f, firstWithSteps)).ToList();
            hosts.Add(Host(host, anchor ?? anchors.For(host.Host), findings) with
            {
                Drift = drifts?.GetValueOrDefault(host.Host) is { } own ? result.Drift! with { Hosts = [own], Disappeared = [] } : null,
            });
        }

        var allFindings = hosts.SelectMany(h => h.Findings).ToList();
        var waivers = SortWaivers(Waivers(allFindings));
        var evidence = RunEvidence.Of(result);
        return new ReportModel
        {
            Cover = Cover(result, evidence, options),
            Summary = Summary(result.Summary, hosts.Where(h => !h.Compliant)
                .Select(h => new HostRank(h.Host, h.Anchor, h.Status, h.Counts.AtOrAbove(Severity.Info), h.Counts.Critical, h.Counts.High, $"#{h.Anchor}"))),
            Hosts = hosts,
            Controls = Controls(allFindings),
            Register = Approvals.Register(result.Policy, anchor is null ? null : result.Hosts[0]), // an anchor: a fleet host's own report
            Waivers = waivers,
            WaiverRecords = Approvals.Records(waivers),
            Evidence = [.. result.Hosts.SelectMany(EvidenceFiles)],
            InputErrors = result.InputErrors,
            Drift = result.Drift is { } drift ? Drift(drift, hosts.GroupBy(h => h.Host).ToDictionary(g => g.Key, g => g.First().Anchor), isFleet: false) : null,
            Method = MethodStatement.Paragraphs(result, evidence),
            Result = result,
            Scope = anchor is null ? ReportScope.Combined : ReportScope.FleetHost,
        };
    }

    private static DriftView Drift(DriftReport drift, IReadOnlyDictionary<string, string> anchors, bool isFleet)
    {
        string Link(string host) => isFleet ? FleetSummary.HostReport(anchors[host], ".html") : $"#{anchors[host]}";
        var changes = drift.Hosts.SelectMany(h =>
                h.Listeners.Select(c => (c.Change, Row: new DriftRow(h.Host, anchors[h.Host], c.Change.Label(), $"{c.Proto.Label()} port {c.Port}", c.Before, c.After, Link(h.Host))))
                    .Concat(h.Findings.Select(f => (f.Change, Row: new DriftRow(h.Host, anchors[h.Host], f.Change.Label(), $"{f.Rule} ({f.Severity.Name()})", null, f.Where, Link(h.Host))))))
            .OrderBy(c => c.Change)
            .ThenBy(c => c.Row.Host, StringComparer.Ordinal)
            .ToList();
        var rows = changes.Select(c => c.Row).ToList();
        var counts = changes.GroupBy(c => c.Change).OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} {(g.Key == DriftChange.New && g.Count() != 1 ? "new findings" : g.Key.Label())}");
        var newHosts = drift.Hosts.Where(h => h.Status == HostDriftStatus.NewHost).Select(h => h.Host).ToList();
        var summary = rows.Count + newHosts.Count + drift.Disappeared.Count == 0
            ? $"Nothing changed since the audit of {drift.BaselineAuditDate}."
            : $"Since the audit of {drift.BaselineAuditDate}: {string.Join(", ", counts.DefaultIfEmpty("no listener or finding changed"))}" +
              $"{(newHosts.Count > 0 ? $"; {newHosts.Count} new host(s)" : "")}{(drift.Disappeared.Count > 0 ? $"; {drift.Disappeared.Count} host(s) gone" : "")}.";
        return new DriftView(drift.BaselineAuditDate, summary, rows, newHosts, drift.Disappeared);
    }

    /// <summary>Every input a host was read from: its own, then any merged in, each with what came from it.</summary>
    private static IEnumerable<EvidenceFileView> EvidenceFiles(HostResult h)
    {
        yield return new EvidenceFileView
        {
            Source = h.Source, Host = h.Host, Format = h.Format, Sha256 = h.Sha256, Lines = h.Lines,
            Sockets = h.Sockets.Count(s => s.Source == null), Skipped = h.Skipped.Count(s => s.Source == null),
            Unparsed = [.. h.Unparsed.Where(u => u.Source == null)],
        };
        foreach (var merged in h.MergedFrom ?? [])
        {
            yield return new EvidenceFileView
            {
                Source = merged.Source, Host = h.Host, Format = h.Format, Sha256 = merged.Sha256, Lines = 0,
                Sockets = h.Sockets.Count(s => s.Source == merged.Source), Skipped = h.Skipped.Count(s => s.Source == merged.Source),
                Unparsed = [.. h.Unparsed.Where(u => u.Source == merged.Source)],
            };
        }
    }

    private static CoverView Cover(AuditResult result, RunEvidence evidence, ReportOptions options)
    {
        var s = result.Summary;
        var failing = s.Findings.AtOrAbove(s.FailOn);
        return new CoverView
        {
            Title = "Listening-port compliance report",
            Organisation = options.Organisation,
            ReportId = evidence.ReportId,
            AuditDate = result.AuditDate.ToString("yyyy-MM-dd"),
            GeneratedAt = result.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'"),
            ToolVersion = result.Tool.Version,
            PolicyId = result.Policy.Id,
            PolicyTitle = result.Policy.Title,
            PolicySha256 = result.Policy.Sha256,
            PolicySources = result.Policy.Sources,
            Verdict = s.Verdict.Label(),
            VerdictText = s.Verdict == Verdict.Pass
                ? $"No finding at or above {s.FailOn.Name()} severity is open: {s.CompliantHosts} of {s.Hosts} hosts are fully compliant."
                : $"{failing} finding{(failing == 1 ? "" : "s")} at or above {s.FailOn.Name()} severity {(failing == 1 ? "is" : "are")} open; " +
                  $"{s.CompliantHosts} of {s.Hosts} hosts are fully compliant.",
            HostCount = s.Hosts,
            Systems = evidence.Systems,
            InputFileCount = evidence.InputFiles + result.InputErrors.Count,
            FailOn = s.FailOn.Name(),
        };
    }

    private static SummaryView Summary(AuditSummary s, IEnumerable<HostRank> failing) => new()
    {
        Hosts = s.Hosts,
        CompliantHosts = s.CompliantHosts,
        Sockets = s.Sockets,
        Waived = s.Waived,
        BySeverity = [.. Severities.WorstFirst.Select(sev => new SeverityCount(sev.Name(), s.Findings[sev]))],
        TopRules = [.. s.ByRule.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => new RuleCount(r.Key, r.Value))],
        WorstHosts = [.. failing
            .OrderByDescending(h => h.Critical).ThenByDescending(h => h.High).ThenByDescending(h => h.Findings)
            .ThenBy(h => h.Host, StringComparer.Ordinal)
            .Take(WorstHostsShown)],
    };

    private static HostView Host(HostResult host, string anchor, IReadOnlyList<FindingView> findings)
    {
        var worst = Severities.WorstFirst.FirstOrDefault(s => host.Counts[s] > 0, Severity.Info);
        var byEvidence = ByEvidence(host.Findings, findings);
        return new HostView
        {
            Host = host.Host,
            Anchor = anchor,
            Format = host.Format,
            Os = host.Os.Label(),
            Source = host.Source,
            Sha256 = host.Sha256,
            Compliant = host.Compliant,
            Status = host.Compliant ? "compliant" : worst.Name(),
            Counts = host.Counts,
            Scanned = host.Scan is { } scan ? $"nmap of {scan.Address} ({scan.Source})" : null,
            Sockets = [.. host.Sockets.Select(s => Socket(s, byEvidence))],
            Findings = findings,
        };
    }

    /// <summary>A host's findings by the evidence line and port they point at, built once: a socket looks its own up.</summary>
    private static ILookup<(int? Line, int? Port), (Finding Finding, FindingView View)> ByEvidence(IReadOnlyList<Finding> findings, IReadOnlyList<FindingView> views) =>
        findings.Select((f, i) => (Finding: f, View: views[i])).ToLookup(x => (x.Finding.Evidence?.Line, x.Finding.Port));

    private static SocketRow Socket(ListeningSocket socket, ILookup<(int? Line, int? Port), (Finding Finding, FindingView View)> byEvidence)
    {
        var mine = byEvidence[(socket.Line, socket.Port)].ToList();
        var counting = mine.Where(x => !x.Finding.Waived).Select(x => x.Finding.Severity).ToList();
        return new SocketRow
        {
            Proto = socket.Proto.Name(),
            Endpoint = Endpoints.Format(socket.Address, socket.Interface, socket.Port),
            Port = socket.Port,
            Scope = socket.Scope.ToString().ToLowerInvariant(),
            Processes = Text.Processes(socket.Processes),
            Line = socket.Line,
            Status = counting.Count > 0 ? counting.Max().Name() : mine.Count > 0 ? "waived" : "ok",
            Exposure = socket.Exposure,
            FindingIds = [.. mine.Select(x => x.View.Id)],
        };
    }

    private static FindingView WithSharedSteps(FindingView finding, Dictionary<string, string> firstWithSteps)
    {
        if (finding.Steps.Count == 0)
        {
            return finding;
        }

        var key = string.Join("\u0001", finding.Steps.Select(s => $"{s.Text}\u0002{s.Code}"));
        return firstWithSteps.TryAdd(key, finding.Id) ? finding : finding with { SameStepsAs = firstWithSteps[key] };
    }

    private static FindingView Finding(Finding f, string id) => new()
    {
        Id = id,
        Host = f.Host,
        Severity = f.Severity.Name(),
        Rule = f.Rule,
        Where = f.Port is { } port
            ? $"{(f.Proto ?? Protocol.Tcp).Label()} {Endpoints.Format(f.Address ?? "?", f.Interface, port)}" +
              ((f.Container ?? f.Namespace) is { } inside ? $" in {inside}" : "")
            : $"{f.Evidence?.Source} line {f.Evidence?.Line}",
        Service = f.Service,
        Processes = Text.Processes(f.Processes),
        Message = f.Message,
        Steps = f.Remediation,
        EvidenceSource = f.Evidence?.Source,
        EvidenceLine = f.Evidence?.Line,
        EvidenceText = f.Evidence?.Text,
        Controls = f.Controls,
        Waived = f.Waived,
        Waiver = f.Waiver,
        WaiverText = f.Waiver switch
        {
            null => null,
            { Expired: true } w => $"Waiver {w.Ticket} expired on {w.Expires:yyyy-MM-dd}: no longer waived",
            var w => $"Waived by {w.Ticket} until {w.Expires:yyyy-MM-dd}{(w.ApprovedBy is null ? "" : $", approved by {w.ApprovedBy}")}: {w.Reason}",
        },
        Approval = f.Waiver is { } waiver ? Approvals.Of(waiver) : null,
    };

    private static IReadOnlyList<ControlView> Controls(IReadOnlyList<FindingView> findings) =>
        [.. findings
            .SelectMany(f => f.Controls.Select(c => (Control: c, Finding: f)))
            .GroupBy(x => x.Control)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ControlView(
                g.Key,
                [.. g.Select(x => x.Finding.Rule).Distinct().Order(StringComparer.Ordinal)],
                [.. g.Select(x => x.Finding.Host).Distinct().Order(StringComparer.Ordinal)],
                g.Count(x => !x.Finding.Waived),
                g.Count(x => x.Finding.Waived)))];

    /// <summary>Several reports' control tables as one: the rules and hosts of each control joined, the counts added.</summary>
    internal static IReadOnlyList<ControlView> MergeControls(IEnumerable<ControlView> controls) =>
        [.. controls
            .GroupBy(c => c.Control)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ControlView(
                g.Key,
                [.. g.SelectMany(c => c.Rules).Distinct().Order(StringComparer.Ordinal)],
                [.. g.SelectMany(c => c.Hosts).Distinct().Order(StringComparer.Ordinal)],
                g.Sum(c => c.Findings),
                g.Sum(c => c.Waived)))];

    /// <summary>Every use of a waiver: the finding it covers (active) or no longer covers (expired).</summary>
    private static IEnumerable<WaiverView> Waivers(IReadOnlyList<FindingView> findings) =>
        findings
            .Where(f => f.Waiver is not null && f.Rule != RuleIds.WaiverExpired)
            .Select(f => new WaiverView(f.Waiver!.Ticket, f.Rule, f.Host, f.Where, f.Waiver.Reason, f.Waiver.ApprovedBy,
                f.Waiver.Expires.ToString("yyyy-MM-dd"), f.Waiver.Expired ? "expired" : "active", f.Approval!));

    /// <summary>Expired waivers first, then by the day they expire, then by host.</summary>
    internal static IReadOnlyList<WaiverView> SortWaivers(IEnumerable<WaiverView> waivers) =>
        [.. waivers.OrderBy(w => w.Status, StringComparer.Ordinal).ThenBy(w => w.Expires, StringComparer.Ordinal).ThenBy(w => w.Host, StringComparer.Ordinal)];
}
