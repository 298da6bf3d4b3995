using System.Text;
using System.Text.Json;
using PortCompliance.Core.Model;

namespace PortCompliance.Reporting.Oscal;

/// <summary>
/// The assessment-results envelope (metadata, import-ap, the one result, back-matter), written with placeholders where
/// the spooled arrays go, then copied out with each spool in its placeholder's place.
/// </summary>
internal static class OscalDocument
{
    private const string PolicyResource = "policy";

    public static void Write(Stream target, AuditResult run, IReadOnlyCollection<string> controls,
        Stream inventory, Stream observations, Stream findings, Stream risks)
    {
        var spools = new Dictionary<string, Stream>
        {
            ["\u0001inventory"] = inventory, ["\u0001observations"] = observations,
            ["\u0001findings"] = findings, ["\u0001risks"] = risks,
        }.Where(s => s.Value.Length > 2).ToDictionary();
        var envelope = Envelope(run, controls, spools.Keys.ToHashSet());
        var text = Encoding.UTF8.GetString(envelope);
        var at = 0;
        foreach (var (placeholder, spool) in spools
                     .Select(s => (Quoted: JsonSerializer.Serialize(s.Key), s.Value))
                     .OrderBy(s => text.IndexOf(s.Quoted, StringComparison.Ordinal)))
        {
            var index = text.IndexOf(placeholder, StringComparison.Ordinal);
            target.Write(Encoding.UTF8.GetBytes(text[at..index]));
            spool.CopyTo(target);
            at = index + placeholder.Length;
        }

        target.Write(Encoding.UTF8.GetBytes(text[at..] + "\n"));
    }

    private static byte[] Envelope(AuditResult run, IReadOnlyCollection<string> controls, HashSet<string> present)
    {
        var date = run.AuditDate.ToString("yyyy-MM-dd");
        var policyUuid = OscalIds.Of("resource", PolicyResource, run.Policy.Id, run.Policy.Sha256);
        var partyUuid = OscalIds.Of("party", run.Tool.Name);
        var generated = OscalRenderer.Time(run.GeneratedAt);
        var start = OscalRenderer.Time(new DateTimeOffset(run.AuditDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartObject("assessment-results");
            w.WriteString("uuid", OscalIds.Of("assessment-results", date, run.Policy.Id, run.Policy.Sha256));

            w.WriteStartObject("metadata");
            w.WriteString("title", $"Listening-port audit of {date} against {run.Policy.Title}");
            w.WriteString("last-modified", generated);
            w.WriteString("version", $"{date}+{run.Policy.Sha256[..12]}");
            w.WriteString("oscal-version", "1.1.2");
            w.WriteStartArray("roles");
            w.WriteStartObject();
            w.WriteString("id", "assessor");
            w.WriteString("title", "Assessor");
            w.WriteString("description", "The tool that collected and judged the listening sockets.");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartArray("parties");
            w.WriteStartObject();
            w.WriteString("uuid", partyUuid);
            w.WriteString("type", "organization");
            w.WriteString("name", $"{run.Tool.Name} {run.Tool.Version}");
            w.WriteStartArray("props");
            OscalHostItems.Prop(w, "tool-version", run.Tool.Version);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartArray("responsible-parties");
            w.WriteStartObject();
            w.WriteString("role-id", "assessor");
            w.WriteStartArray("party-uuids");
            w.WriteStringValue(partyUuid);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();

            w.WriteStartObject("import-ap");
            w.WriteString("href", "#" + policyUuid);
            w.WriteString("remarks", "No OSCAL assessment plan exists: the plan is the policy, described in back-matter by its sha256 and the tool run.");
            w.WriteEndObject();

            w.WriteStartArray("results");
            w.WriteStartObject();
            w.WriteString("uuid", OscalIds.Of("result", date, run.Policy.Id, run.Policy.Sha256));
            w.WriteString("title", $"Listening-port audit, {date}");
            w.WriteString("description",
                $"{run.Summary.Hosts} hosts, {run.Summary.Sockets} listening sockets, judged against policy {run.Policy.Id}: verdict {run.Summary.Verdict.ToString().ToLowerInvariant()}.");
            w.WriteString("start", start);
            w.WriteString("end", generated);
            if (present.Contains("\u0001inventory"))
            {
                w.WriteStartObject("local-definitions");
                w.WriteString("inventory-items", "\u0001inventory");
                w.WriteEndObject();
            }

            w.WriteStartObject("reviewed-controls");
            w.WriteStartArray("control-selections");
            w.WriteStartObject();
            w.WriteString("description", "The NIST SP 800-53 Rev. 5 controls the policy's rules map to.");
            if (controls.Count == 0)
            {
                w.WriteStartObject("include-all");
                w.WriteEndObject();
            }
            else
            {
                w.WriteStartArray("include-controls");
                foreach (var control in controls)
                {
                    w.WriteStartObject();
                    w.WriteString("control-id", control);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            foreach (var (name, placeholder) in new[] { ("observations", "\u0001observations"), ("risks", "\u0001risks"), ("findings", "\u0001findings") })
            {
                if (present.Contains(placeholder))
                {
                    w.WriteString(name, placeholder);
                }
            }

            w.WriteEndObject();
            w.WriteEndArray();

            w.WriteStartObject("back-matter");
            w.WriteStartArray("resources");
            w.WriteStartObject();
            w.WriteString("uuid", policyUuid);
            w.WriteString("title", $"Policy {run.Policy.Id}: {run.Policy.Title}");
            w.WriteString("description", $"The assessment plan: policy {run.Policy.Id} (sha256 {run.Policy.Sha256}), run by {run.Tool.Name} {run.Tool.Version} on {date}.");
            w.WriteStartArray("props");
            OscalHostItems.Prop(w, "policy-sha256", run.Policy.Sha256);
            OscalHostItems.Prop(w, "rules", string.Join(" ", run.Policy.Rules));
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
