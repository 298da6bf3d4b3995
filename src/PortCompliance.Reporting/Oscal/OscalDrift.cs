using System.Globalization;
using System.Text.Json;
using PortCompliance.Core.Model;

namespace PortCompliance.Reporting.Oscal;

/// <summary>
/// A host's changes since the baseline as <c>historic</c> observations, one per change: a listener opened, closed,
/// rebound or re-owned, a finding new or resolved, or the host itself new. A closed listener has no socket today, so
/// only its own observation tells of it. The findings each change concerns point at it (<c>related-observations</c>).
/// </summary>
internal sealed class OscalDrift(AuditResult run, HostResult host, DriftReport drift, HostDrift own)
{
    private readonly string _date = run.AuditDate.ToString("yyyy-MM-dd");

    /// <summary>The back-matter resource of the baseline file, when the run names one (<c>--baseline</c>).</summary>
    public static string? BaselineUuid(AuditResult run) =>
        run.Baseline is { } baseline ? OscalIds.Of("resource", "baseline", baseline.Path, baseline.Sha256) : null;

    private string Uuid(string change, string what, int index) =>
        OscalIds.Of("observation", _date, host.Host, "drift", change, what, index.ToString());

    /// <summary>The host's listener changes with their observation UUIDs, made once.</summary>
    private List<(string Uuid, ListenerChange Change)> Listeners => _listeners ??=
        [.. own.Listeners.Select((c, i) => (Uuid(c.Change.Name(), $"{c.Proto} {c.Port}", i), c))];

    private List<(string Uuid, ListenerChange Change)>? _listeners;

    /// <summary>The host's finding changes with their observation UUIDs, made once.</summary>
    private List<(string Uuid, FindingChange Change)> FindingChanges => _findingChanges ??=
        [.. own.Findings.Select((c, i) => (Uuid(c.Change.Name(), $"{c.Rule} {c.Where}", i), c))];

    private List<(string Uuid, FindingChange Change)>? _findingChanges;

    /// <summary>
    /// The changes a rule's finding on this host rests on: its own findings new or resolved, and the listeners changed
    /// on a port it has (or had) a finding of. One pass over the host's changes a rule, whatever their number: a host
    /// with thousands of listeners changed must not cost their square.
    /// </summary>
    public IEnumerable<string> ObservationsConcerning(string rule, IReadOnlyList<Finding> broken)
    {
        var mine = FindingChanges.Where(c => c.Change.Rule == rule).ToList();
        var ports = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in broken)
        {
            if (f is { Proto: { } proto, Port: { } port })
            {
                ports.Add(PortKey(proto.Label(), port.ToString(CultureInfo.InvariantCulture)));
            }
        }

        foreach (var (_, c) in mine)
        {
            // Where a finding change is, as the drift report writes it: "TCP 0.0.0.0:23" is TCP port 23.
            var space = c.Where.IndexOf(' ', StringComparison.Ordinal);
            var colon = c.Where.LastIndexOf(':');
            if (space > 0 && colon >= 0)
            {
                ports.Add(PortKey(c.Where[..space], c.Where[(colon + 1)..]));
            }
        }

        return mine.Select(c => c.Uuid).Concat(Listeners
            .Where(l => ports.Contains(PortKey(l.Change.Proto.Label(), l.Change.Port.ToString(CultureInfo.InvariantCulture))))
            .Select(l => l.Uuid));
    }

    private static string PortKey(string proto, string port) => proto + " " + port;

    public void WriteObservations(OscalItemLines w, OscalHostItems items)
    {
        var since = drift.BaselineAuditDate;
        if (own.Status == HostDriftStatus.NewHost)
        {
            Write(w, items, Uuid("new-host", "", 0), $"{host.Host} is new since {since}",
                $"{host.Host} was not in the baseline audit of {since}: everything it listens on is new.", "new-host", []);
        }

        foreach (var (uuid, c) in Listeners)
        {
            var what = $"{c.Proto.Name()} port {c.Port}";
            var text = c.Change switch
            {
                DriftChange.Opened => $"{what} opened on {host.Host} since {since}: now {c.After}.",
                DriftChange.Closed => $"{what} closed on {host.Host} since {since}: it listened on {c.Before}, and no socket holds it now.",
                DriftChange.Rebound => $"{what} rebound on {host.Host} since {since}: {c.Before} then, {c.After} now.",
                _ => $"{what} on {host.Host} changed owner since {since}: {c.Before} then, {c.After} now.",
            };
            Write(w, items, uuid, $"{what} {c.Change.Label()} on {host.Host}", text, c.Change.Name(),
            [
                ("proto", c.Proto.Name()), ("port", c.Port.ToString()), ("before", c.Before), ("after", c.After),
            ]);
        }

        foreach (var (uuid, c) in FindingChanges)
        {
            var text = c.Change == DriftChange.New
                ? $"A new {c.Severity.Name()} finding of {c.Rule} on {host.Host} since {since}: {c.Where}."
                : $"The {c.Severity.Name()} finding of {c.Rule} on {host.Host} at {c.Where} is resolved since {since}.";
            Write(w, items, uuid, $"{c.Rule} {c.Change.Label()} on {host.Host}", text, c.Change.Name(),
            [
                ("rule", c.Rule), ("severity", c.Severity.Name()), ("where", c.Where),
            ]);
        }
    }

    private void Write(OscalItemLines lines, OscalHostItems items, string uuid, string title, string description, string change,
        IReadOnlyList<(string Name, string? Value)> props)
    {
        var w = lines.Next();
        w.WriteStartObject();
        w.WriteString(OscalKeys.Uuid, uuid);
        w.WriteString(OscalKeys.Title, title);
        w.WriteString(OscalKeys.Description, description);
        w.WriteStartArray(OscalKeys.Props);
        OscalHostItems.Prop(w, "drift-change", change);
        OscalHostItems.Prop(w, "drift-baseline-date", drift.BaselineAuditDate);
        OscalHostItems.Prop(w, "drift-baseline-sha256", run.Baseline?.Sha256);
        OscalHostItems.Prop(w, "drift-baseline-policy-sha256", drift.BaselinePolicySha256);
        foreach (var (name, value) in props)
        {
            OscalHostItems.Prop(w, name, value);
        }

        OscalHostItems.Prop(w, "collected-from", items.Collected.From);
        w.WriteEndArray();
        w.WriteStartArray(OscalKeys.Methods);
        w.WriteStringValue("EXAMINE");
        w.WriteEndArray();
        w.WriteStartArray("types");
        w.WriteStringValue("historic");
        w.WriteEndArray();
        items.WriteSubject(w);
        w.WriteStartArray(OscalKeys.RelevantEvidence);
        if (run.Baseline is { } baseline)
        {
            w.WriteStartObject();
            w.WriteString("href", "#" + BaselineUuid(run));
            w.WriteString(OscalKeys.Description, $"The baseline: {baseline.Path} (sha256 {baseline.Sha256}), the results of the audit of {drift.BaselineAuditDate}.");
            w.WriteEndObject();
        }

        w.WriteStartObject();
        w.WriteString(OscalKeys.Description, $"This audit's input for {host.Host}: {host.Source}.");
        w.WriteStartArray(OscalKeys.Props);
        OscalHostItems.Prop(w, "source", host.Source);
        OscalHostItems.Prop(w, "sha256", host.Sha256);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString(OscalKeys.Collected, items.CollectedTime);
        w.WriteEndObject();
    }
}
