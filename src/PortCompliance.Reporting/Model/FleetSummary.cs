using PortCompliance.Core.Model;

namespace PortCompliance.Reporting.Model;

/// <summary>
/// What a fleet's summary report keeps of each host once the host's own reports are written: one row of figures, its
/// exposed ports, its waivers, controls and evidence files. Hosts are added one at a time, in report order; the
/// summary is built at the end, so memory grows with these rows, never with the hosts' sockets and findings.
/// </summary>
public sealed class FleetSummary
{
    private const int MatrixPorts = 12;
    private const int ExpiryWindowDays = 30;

    private readonly List<Row> _rows = [];
    private readonly Dictionary<string, string> _ports = new(StringComparer.Ordinal);
    private readonly List<WaiverView> _waivers = [];
    private readonly List<ControlView> _controls = [];
    private readonly List<EvidenceFileView> _evidence = [];

    public FleetSummary(AuditResult run) => Evidence = new RunEvidence(run);

    public int Hosts => _rows.Count;

    /// <summary>Adds a host: as the audit left it, and the model of its own report (<see cref="ReportModelBuilder.ForHost"/>).</summary>
    public void Add(HostAudit audited, ReportModel own)
    {
        var host = audited.Result;
        var view = own.Hosts[0];
        var exposed = view.Sockets.Where(s => s.Scope != "loopback")
            .GroupBy(s => Port(s), StringComparer.Ordinal)
            .Select(g => (Port: g.Key, Flagged: g.Any(s => s.Status is not ("ok" or "waived"))))
            .ToArray();
        var fleetHost = new FleetHost(
            view.Host, view.Anchor, view.Os, host.Owner, view.Sockets.Count, view.Counts.AtOrAbove(Severity.Info),
            view.Sockets.Count == 0 ? 100 : 100 * view.Sockets.Count(s => s.Status is "ok" or "waived") / view.Sockets.Count,
            view.Status, HostReport(view.Anchor, ".pdf"), HostReport(view.Anchor, ".html"));
        _rows.Add(new Row(fleetHost, view.Counts, view.Compliant, exposed));
        _waivers.AddRange(own.Waivers);
        _controls.AddRange(own.Controls);
        _evidence.AddRange(own.Evidence);
        Evidence.Add(host);
    }

    internal RunEvidence Evidence { get; }
    internal IReadOnlyList<EvidenceFileView> EvidenceFiles => _evidence;
    internal IReadOnlyList<ControlView> Controls => ReportModelBuilder.MergeControls(_controls);
    internal IReadOnlyList<WaiverView> Waivers => ReportModelBuilder.SortWaivers(_waivers);
    internal IReadOnlyDictionary<string, string> Anchors => _rows.GroupBy(r => r.Fleet.Host).ToDictionary(g => g.Key, g => g.First().Fleet.Anchor);

    internal IEnumerable<HostRank> Ranks => _rows.Where(r => !r.Compliant)
        .Select(r => new HostRank(r.Fleet.Host, r.Fleet.Anchor, r.Fleet.Status, r.Counts.AtOrAbove(Severity.Info), r.Counts.Critical, r.Counts.High, r.Fleet.HtmlFile));

    public FleetView View(AuditResult run, IReadOnlyList<WaiverView> waivers)
    {
        var hosts = _rows.Count;
        var rules = run.Policy.Rules
            .Select(rule => (Rule: rule, Failing: run.Summary.HostsFailingByRule.GetValueOrDefault(rule)))
            .Select(r => new RuleCompliance(r.Rule, r.Failing, hosts == 0 ? 100 : 100 * (hosts - r.Failing) / hosts))
            .OrderBy(r => r.CompliantPercent).ThenBy(r => r.Rule, StringComparer.Ordinal)
            .ToList();

        // A port one host exposes against the policy matters more than one every host exposes as it should.
        var ports = _rows.SelectMany(r => r.Exposed)
            .GroupBy(x => x.Port, StringComparer.Ordinal)
            .OrderByDescending(g => g.Any(x => x.Flagged))
            .ThenByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(MatrixPorts).Select(g => g.Key).ToList();
        var matrix = new PortMatrix(ports, [.. _rows.Select(r => new PortMatrixRow(r.Fleet.Host, r.Fleet.Anchor, [.. ports.Select(p => r.Exposed.Any(x => x.Port == p))]))]);

        var horizon = run.AuditDate.AddDays(ExpiryWindowDays).ToString("yyyy-MM-dd");
        var expiring = waivers.Where(w => w.Status == "active" && string.CompareOrdinal(w.Expires, horizon) <= 0)
            .DistinctBy(w => (w.Ticket, w.Host)).ToList();
        return new FleetView([.. _rows.Select(r => r.Fleet)], rules, matrix, expiring);
    }

    /// <summary>One spelling per port (<c>tcp/22</c>), shared by every host that exposes it.</summary>
    private string Port(SocketRow socket)
    {
        var key = $"{socket.Proto}/{socket.Port}";
        return _ports.TryGetValue(key, out var known) ? known : _ports[key] = key;
    }

    /// <summary>
    /// Where a fleet host's own report is, beside the summary: <c>hosts/</c> and its anchor without the HTML-id prefix
    /// (already safe as a file name, and unique), then <paramref name="extension"/> (<c>.pdf</c>, <c>.html</c>).
    /// </summary>
    public static string HostReport(string anchor, string extension) => $"hosts/{anchor["h-".Length..]}{extension}";

    private sealed record Row(FleetHost Fleet, SeverityCounts Counts, bool Compliant, (string Port, bool Flagged)[] Exposed);
}
