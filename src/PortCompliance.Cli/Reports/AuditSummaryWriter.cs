using PortCompliance.Core.Model;
using PortCompliance.Reporting.Model;
using PortCompliance.Reporting;

namespace PortCompliance.Cli.Reports;

/// <summary>The console view of an audit: per host counts by severity, the worst findings, the verdict.</summary>
internal static class AuditSummaryWriter
{
    private const int WorstShown = 10;

    public static void Write(AuditResult result, ReportModel model, IReadOnlyList<string> written, TextWriter output)
    {
        output.WriteLine($"PortCompliance {result.Tool.Version} audit of {result.AuditDate:yyyy-MM-dd} — policy {result.Policy.Id} (sha256 {result.Policy.Sha256[..12]}…)");
        output.WriteLine();
        if (model.Fleet is null)
        {
            WriteHosts(result, output);
        }
        else
        {
            WriteWorstHosts(model, output);
        }

        WriteDrift(result, output);
        var s = result.Summary;
        output.WriteLine();
        output.WriteLine(
            $"{s.CompliantHosts} of {s.Hosts} host(s) compliant; findings: {s.Findings.Critical} critical, {s.Findings.High} high, " +
            $"{s.Findings.Medium} medium, {s.Findings.Low} low, {s.Findings.Info} info; {s.Waived} waived" +
            (s.InputErrors > 0 ? $"; {s.InputErrors} input(s) could not be read" : "") +
            (result.NotCollected.Count > 0 ? $"; not collected: {string.Join(", ", result.NotCollected.Select(h => h.Host))}" : "") + ".");
        output.WriteLine(s.Verdict == Verdict.Pass
            ? $"Verdict: {s.Verdict.Label()} — nothing at or above {s.FailOn.Name()}."
            : $"Verdict: {s.Verdict.Label()} — {s.Findings.AtOrAbove(s.FailOn)} finding(s) at or above {s.FailOn.Name()} (--fail-on).");
        foreach (var path in written)
        {
            output.WriteLine($"Wrote {path}");
        }
    }

    private static void WriteHosts(AuditResult result, TextWriter output)
    {
        var hostWidth = Math.Max(4, result.Hosts.Max(h => h.Host.Length));
        output.WriteLine($"{"HOST".PadRight(hostWidth)}  SOCKETS  CRIT  HIGH  MED  LOW  INFO  WAIVED  STATUS");
        foreach (var host in result.Hosts)
        {
            var c = host.Counts;
            output.WriteLine(
                $"{host.Host.PadRight(hostWidth)}  {host.Sockets.Count,7}  {c.Critical,4}  {c.High,4}  {c.Medium,3}  {c.Low,3}  {c.Info,4}  " +
                $"{host.Findings.Count(f => f.Waived),6}  {(host.Compliant ? "compliant" : "NOT COMPLIANT")}");
        }

        var worst = result.Hosts.SelectMany(h => h.Findings).Where(f => !f.Waived)
            .OrderByDescending(f => f.Severity).ThenBy(f => f.Host, StringComparer.Ordinal).Take(WorstShown).ToList();
        if (worst.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Worst findings:");
            foreach (var f in worst)
            {
                output.WriteLine($"  {f.Severity.Name().ToUpperInvariant(),-8}  {f.Host}  {f.Rule}  {Where(f)}");
                output.WriteLine($"            {f.Message}");
            }
        }
    }

    /// <summary>A fleet's hosts are too many to list: the worst of them, each with its own report to open.</summary>
    private static void WriteWorstHosts(ReportModel model, TextWriter output)
    {
        var fleet = model.Fleet!;
        output.WriteLine($"{fleet.Hosts.Count} hosts, {model.Summary.CompliantHosts} compliant.");
        if (model.Summary.WorstHosts.Count == 0)
        {
            return;
        }

        var hostWidth = Math.Max(4, model.Summary.WorstHosts.Max(h => h.Host.Length));
        output.WriteLine("Worst hosts:");
        output.WriteLine($"  {"HOST".PadRight(hostWidth)}  CRIT  HIGH  FINDINGS  REPORT");
        foreach (var host in model.Summary.WorstHosts)
        {
            output.WriteLine($"  {host.Host.PadRight(hostWidth)}  {host.Critical,4}  {host.High,4}  {host.Findings,8}  {host.Link}");
        }
    }

    private static void WriteDrift(AuditResult result, TextWriter output)
    {
        if (result.Drift is { } drift)
        {
            var changes = drift.Hosts.SelectMany(h => h.Listeners).GroupBy(c => c.Change).Select(g => $"{g.Count()} {g.Key.Name()}");
            var findings = drift.Hosts.SelectMany(h => h.Findings).GroupBy(c => c.Change).Select(g => $"{g.Count()} {g.Key.Name()}");
            output.WriteLine();
            output.WriteLine($"Since {drift.BaselineAuditDate}: listeners {string.Join(", ", changes.DefaultIfEmpty("unchanged"))}; " +
                             $"findings {string.Join(", ", findings.DefaultIfEmpty("unchanged"))}; " +
                             $"{drift.Hosts.Count(h => h.Status == HostDriftStatus.NewHost)} new host(s)" +
                             (drift.Disappeared.Count > 0 ? $"; gone: {string.Join(", ", drift.Disappeared)}" : "") + ".");
            var listed = drift.Hosts.SelectMany(h => h.Listeners.Select(c => $"  {h.Host}: {c.Proto.Name()}/{c.Port} {c.Change.Name()}" +
                (c.Before is null ? "" : $" {c.Before}") + (c.After is null ? "" : $" → {c.After}"))).ToList();
            foreach (var line in listed.Take(WorstShown))
            {
                output.WriteLine(line);
            }

            if (listed.Count > WorstShown)
            {
                output.WriteLine($"  … and {listed.Count - WorstShown} more (drift.csv, the reports)");
            }
        }
    }

    private static string Where(Finding f) => f.Port is { } port
        ? $"{f.Proto?.Name()} {Endpoints.Format(f.Address ?? "?", f.Interface, port)}"
        : $"{f.Evidence?.Source}:{f.Evidence?.Line}";
}
