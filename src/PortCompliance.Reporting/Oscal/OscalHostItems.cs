using System.Text.Json;
using PortCompliance.Core.Model;
using PortCompliance.Reporting.Model;

namespace PortCompliance.Reporting.Oscal;

/// <summary>
/// One host's part of the assessment results: its inventory item, an observation per socket and per change since the
/// baseline, a finding per rule.
/// </summary>
internal sealed class OscalHostItems(AuditResult run, HostResult host, HostView view)
{
    private readonly string _date = run.AuditDate.ToString("yyyy-MM-dd");
    private readonly OscalDrift? _drift = view.Drift is { Hosts: [var own] } drift && own.Status != HostDriftStatus.Unchanged
        ? new OscalDrift(run, host, drift, own)
        : null;

    private readonly Dictionary<ListeningSocket, string> _observations = new(ReferenceEqualityComparer.Instance);

    public string InventoryUuid { get; } = OscalIds.Of("inventory-item", host.Host);

    /// <summary>When the host's sockets were collected, and what says so (docs/oscal.md).</summary>
    public (DateTimeOffset At, string From) Collected { get; } = CollectedOf(run, host);

    private static (DateTimeOffset At, string From) CollectedOf(AuditResult run, HostResult host) =>
        host.CapturedAt is { } captured ? (captured, "listing")
        : host.Format == "nmap" && host.Scan?.Started is { } started ? (started, "nmap")
        : (new DateTimeOffset(run.AuditDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), "audit-date");

    /// <summary>A socket's observation UUID, made once: its findings refer to it again.</summary>
    private string ObservationUuid(ListeningSocket s)
    {
        if (!_observations.TryGetValue(s, out var uuid))
        {
            uuid = OscalIds.Of("observation", _date, host.Host, s.Proto.ToString(), s.Address, s.Port.ToString(), s.Line.ToString());
            _observations[s] = uuid;
        }

        return uuid;
    }

    public void WriteInventoryItem(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("uuid", InventoryUuid);
        w.WriteString("description", $"Host {host.Host}");
        w.WriteStartArray("props");
        Prop(w, "host", host.Host);
        Prop(w, "os", host.Os.Name());
        Prop(w, "owner", host.Owner);
        Prop(w, "environment", host.Environment);
        foreach (var tag in host.Tags)
        {
            Prop(w, "tag", tag);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public void WriteObservations(Utf8JsonWriter w)
    {
        foreach (var s in host.Sockets)
        {
            w.WriteStartObject();
            w.WriteString("uuid", ObservationUuid(s));
            w.WriteString("title", $"{s.Proto.ToString().ToLowerInvariant()} {s.Address}:{s.Port} listening on {host.Host}");
            var processes = string.Join(", ", s.Processes.Select(p => p.Name));
            w.WriteString("description", $"A listening {s.Proto.ToString().ToLowerInvariant()} socket on {s.Address} port {s.Port}"
                + (processes.Length > 0 ? $", held by {processes}." : "."));
            w.WriteStartArray("props");
            Prop(w, "collected-from", Collected.From);
            w.WriteEndArray();
            w.WriteStartArray("methods");
            w.WriteStringValue("TEST");
            w.WriteEndArray();
            WriteSubject(w);
            w.WriteStartArray("relevant-evidence");
            w.WriteStartObject();
            w.WriteString("description", $"{s.Source ?? host.Source}, line {s.Line}");
            w.WriteStartArray("props");
            Prop(w, "source", s.Source ?? host.Source);
            Prop(w, "sha256", host.Sha256);
            Prop(w, "line", s.Line.ToString());
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteString("collected", OscalRenderer.Time(Collected.At));
            w.WriteEndObject();
        }

        _drift?.WriteObservations(w, this);
    }

    internal void WriteSubject(Utf8JsonWriter w)
    {
        w.WriteStartArray("subjects");
        w.WriteStartObject();
        w.WriteString("subject-uuid", InventoryUuid);
        w.WriteString("type", "inventory-item");
        w.WriteEndObject();
        w.WriteEndArray();
    }

    public void WriteFindings(Utf8JsonWriter findings, Utf8JsonWriter risks)
    {
        foreach (var rule in run.Policy.Rules.Order(StringComparer.Ordinal))
        {
            var broken = host.Findings.Where(f => f.Rule == rule).ToList();
            var target = OscalControls.Objective(rule, broken, run.Policy);
            var riskUuids = broken.Select((f, i) => WriteRisk(risks, f, i)).ToList();
            var related = broken.SelectMany(f => host.Sockets.Where(s => s.Port == f.Port && s.Proto == f.Proto && s.Address == f.Address))
                .Select(ObservationUuid).Distinct()
                .Concat(_drift?.ObservationsConcerning(rule, broken) ?? [])
                .ToList();

            findings.WriteStartObject();
            findings.WriteString("uuid", OscalIds.Of("finding", _date, host.Host, rule));
            findings.WriteString("title", $"{rule} on {host.Host}");
            findings.WriteString("description", broken.Count == 0
                ? $"Rule {rule} holds on {host.Host}."
                : string.Join("\n\n", broken.Select(f => f.Message)));
            findings.WriteStartObject("target");
            findings.WriteString("type", "objective-id");
            findings.WriteString("target-id", target);
            findings.WriteStartObject("status");
            findings.WriteString("state", broken.Count == 0 ? "satisfied" : "not-satisfied");
            findings.WriteEndObject();
            findings.WriteEndObject();
            findings.WriteStartArray("props");
            Prop(findings, "rule", rule);
            Prop(findings, "host", host.Host);
            findings.WriteEndArray();
            Related(findings, "related-observations", "observation-uuid", related);
            Related(findings, "related-risks", "risk-uuid", riskUuids);
            findings.WriteEndObject();
        }
    }

    private string WriteRisk(Utf8JsonWriter w, Finding f, int index)
    {
        var uuid = OscalIds.Of("risk", _date, host.Host, f.Rule, f.Proto?.ToString() ?? "", f.Address ?? "", f.Port?.ToString() ?? "", index.ToString());
        var approved = f.Waived && f.Waiver is { Expired: false };
        w.WriteStartObject();
        w.WriteString("uuid", uuid);
        w.WriteString("title", $"{f.Rule}: {host.Host}" + (f.Port is { } port ? $" {f.Proto?.ToString().ToLowerInvariant()}/{port}" : ""));
        w.WriteString("description", f.Message);
        w.WriteString("statement", f.Remediation.Count == 0 ? f.Message : string.Join("\n\n", f.Remediation.Select(r => r.Text)));
        w.WriteStartArray("props");
        Prop(w, "severity", f.Severity.ToString().ToLowerInvariant());
        if (f.Waiver is { } waiver)
        {
            // A risk has no remarks in OSCAL 1.1.2: the waiver's ticket, approver and expiry are properties.
            Prop(w, "waiver-ticket", waiver.Ticket);
            Prop(w, "waiver-reason", waiver.Reason);
            Prop(w, "waiver-approver", waiver.Approver);
            Prop(w, "waiver-expires", waiver.Expires.ToString("yyyy-MM-dd"));
            Prop(w, "waiver-state", waiver.Expired ? "expired" : "in-force");
        }

        w.WriteEndArray();
        w.WriteString("status", approved ? "deviation-approved" : "open");
        if (approved)
        {
            w.WriteString("deadline", f.Waiver!.Expires.ToString("yyyy-MM-dd") + "T23:59:59Z");
        }

        w.WriteEndObject();
        return uuid;
    }

    internal static void Related(Utf8JsonWriter w, string name, string key, IReadOnlyList<string> uuids)
    {
        if (uuids.Count == 0)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var uuid in uuids)
        {
            w.WriteStartObject();
            w.WriteString(key, uuid);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>
    /// A PortCompliance property, in the tool's namespace; an empty value is left out and the edges of one trimmed
    /// (an OSCAL string neither is empty nor starts or ends with white space).
    /// </summary>
    internal static void Prop(Utf8JsonWriter w, string name, string? value)
    {
        value = value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("ns", OscalRenderer.Ns);
        w.WriteString("value", value);
        w.WriteEndObject();
    }
}
