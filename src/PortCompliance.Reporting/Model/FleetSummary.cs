using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;

namespace PortCompliance.Reporting;

/// <summary>The fleet tables: compliance by host and by rule, the exposed-port matrix, and waivers about to expire.</summary>
internal static class FleetSummary
{
    private const int MatrixPorts = 12;
    private const int ExpiryWindowDays = 30;

    public static FleetView Build(AuditResult result, IReadOnlyList<HostView> hosts, IReadOnlyList<WaiverView> waivers)
    {
        var owners = result.Hosts.GroupBy(h => h.Host).ToDictionary(g => g.Key, g => g.First().Owner);
        var fleetHosts = hosts.Select(h => new FleetHost(
            h.Host, h.Anchor, owners.GetValueOrDefault(h.Host), h.Sockets.Count, h.Counts.AtOrAbove(Severity.Info),
            h.Sockets.Count == 0 ? 100 : 100 * h.Sockets.Count(s => s.Status is "ok" or "waived") / h.Sockets.Count,
            h.Status, $"hosts/{FileStem(h.Anchor)}.pdf", $"hosts/{FileStem(h.Anchor)}.html")).ToList();

        var rules = result.Policy.Rules
            .Select(rule => (Rule: rule, Failing: hosts.Count(h => h.Findings.Any(f => f.Rule == rule && !f.Waived))))
            .Select(r => new RuleCompliance(r.Rule, r.Failing, hosts.Count == 0 ? 100 : 100 * (hosts.Count - r.Failing) / hosts.Count))
            .OrderBy(r => r.CompliantPercent).ThenBy(r => r.Rule, StringComparer.Ordinal)
            .ToList();

        // A port one host exposes against the policy matters more than one every host exposes as it should.
        var exposedSockets = hosts.SelectMany(h => h.Sockets.Where(s => s.Scope != "loopback").Select(s => (h.Anchor, Socket: s))).ToList();
        var exposed = hosts.ToDictionary(h => h.Anchor, h => exposedSockets.Where(x => x.Anchor == h.Anchor).Select(x => Port(x.Socket)).ToHashSet());
        var ports = exposedSockets.GroupBy(x => Port(x.Socket))
            .OrderByDescending(g => g.Any(x => x.Socket.Status is not ("ok" or "waived")))
            .ThenByDescending(g => g.Select(x => x.Anchor).Distinct().Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(MatrixPorts).Select(g => g.Key).ToList();
        var matrix = new PortMatrix(ports, [.. hosts.Select(h => new PortMatrixRow(h.Host, h.Anchor, [.. ports.Select(exposed[h.Anchor].Contains)]))]);

        var horizon = result.AuditDate.AddDays(ExpiryWindowDays).ToString("yyyy-MM-dd");
        var expiring = waivers.Where(w => w.Status == "active" && string.CompareOrdinal(w.Expires, horizon) <= 0)
            .DistinctBy(w => (w.Ticket, w.Host)).ToList();
        return new FleetView(fleetHosts, rules, matrix, expiring);
    }

    private static string Port(SocketRow socket) => $"{socket.Proto}/{socket.Port}";

    /// <summary>The host's anchor without its HTML-id prefix: already safe as a file name, and unique.</summary>
    internal static string FileStem(string anchor) => anchor["h-".Length..];
}
