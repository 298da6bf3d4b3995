using System.Text;
using System.Text.Json;
using PortCompliance.Core.Model;

namespace PortCompliance.Reporting.Oscal;

/// <summary>
/// The assessment-results envelope (metadata, import-ap, the one result, back-matter), written with placeholders where
/// the spooled arrays go, then copied out with each spool in its placeholder's place: the spools' items were written
/// at the depth of their array, so they are copied as they are.
/// </summary>
internal static class OscalDocument
{
    private const string PolicyResource = "policy";

    /// <summary>The depth of the items of results[0]'s arrays (observations, risks, findings), as a writer counts it.</summary>
    internal const int ResultDepth = 5;

    /// <summary>The depth of the items of results[0].local-definitions.inventory-items.</summary>
    internal const int InventoryDepth = 6;

    private const string Observations = "\u0001observations";

    /// <summary>
    /// The document up to its observations, which stream into it as the hosts come: nothing before them depends on
    /// the hosts (docs/oscal.md). <see cref="Write"/> checks that the finished envelope still begins so.
    /// </summary>
    public static byte[] Head(AuditResult run)
    {
        var text = Encoding.UTF8.GetString(Envelope(run, [], null, [Observations]));
        var index = text.IndexOf(Quoted(Observations), StringComparison.Ordinal);
        CheckDepth(text, index, ResultDepth, Observations);
        return Encoding.UTF8.GetBytes(text[..index]);
    }

    /// <summary>
    /// The rest of the document: after <paramref name="head"/> and the observations already written into
    /// <paramref name="target"/> (none when <paramref name="head"/> is null), the envelope with the spooled arrays in
    /// their places.
    /// </summary>
    public static void Write(Stream target, AuditResult run, IReadOnlyCollection<string> controls, DateTimeOffset? earliest,
        byte[]? head, Stream inventory, Stream findings, Stream risks)
    {
        Spliced[] spools =
        [
            new("\u0001inventory", inventory, InventoryDepth), new("\u0001findings", findings, ResultDepth), new("\u0001risks", risks, ResultDepth),
        ];
        var present = spools.Where(s => s.Items.Length > 2).ToList();
        HashSet<string> placeholders = [.. present.Select(s => s.Placeholder)];
        if (head is not null)
        {
            placeholders.Add(Observations);
        }

        var text = Encoding.UTF8.GetString(Envelope(run, controls, earliest, placeholders));
        var at = 0;
        if (head is not null)
        {
            at = text.IndexOf(Quoted(Observations), StringComparison.Ordinal);
            if (!Encoding.UTF8.GetBytes(text[..at]).AsSpan().SequenceEqual(head))
            {
                // A bug, not an input: what was written before the first host no longer heads the document.
                throw new InvalidOperationException("the OSCAL envelope before the observations changed between the first host and the end");
            }

            CloseArray(target, ResultDepth);
            at += Quoted(Observations).Length;
        }

        foreach (var spool in present.OrderBy(s => text.IndexOf(s.Quoted, StringComparison.Ordinal)))
        {
            var index = text.IndexOf(spool.Quoted, StringComparison.Ordinal);
            CheckDepth(text, index, spool.Depth, spool.Placeholder);
            target.Write(Encoding.UTF8.GetBytes(text[at..index]));
            spool.Items.CopyTo(target, 1 << 20);
            at = index + spool.Quoted.Length;
        }

        target.Write(Encoding.UTF8.GetBytes(text[at..] + "\n"));
    }

    /// <summary>Ends an array whose items are at <paramref name="depth"/>: its bracket on a line of its own, one level out.</summary>
    public static void CloseArray(Stream target, int depth)
    {
        target.WriteByte((byte)'\n');
        target.Write(Encoding.ASCII.GetBytes(new string(' ', (depth - 1) * OscalRenderer.WriterOptions.IndentSize)));
        target.WriteByte((byte)']');
    }

    private static void CheckDepth(string text, int index, int depth, string placeholder)
    {
        var line = text.LastIndexOf('\n', index) + 1;
        if (index < 0 || text.AsSpan(line).IndexOfAnyExcept(' ') != (depth - 1) * OscalRenderer.WriterOptions.IndentSize)
        {
            // A bug, not an input: the envelope moved an array the items were indented for.
            throw new InvalidOperationException($"the OSCAL envelope holds an array at another depth than its items were written at ({placeholder[1..]})");
        }
    }

    private static string Quoted(string placeholder) => $"\"\\u0001{placeholder[1..]}\"";

    /// <summary>
    /// A spool and the string the envelope holds in its place, as the writer writes it (<c>"\u0001risks"</c>): a
    /// control character no value of the document has.
    /// </summary>
    private sealed record Spliced(string Placeholder, Stream Items, int Depth)
    {
        public string Quoted { get; } = OscalDocument.Quoted(Placeholder);
    }

    private static byte[] Envelope(AuditResult run, IReadOnlyCollection<string> controls, DateTimeOffset? earliest, HashSet<string> present)
    {
        var date = run.AuditDate.ToString("yyyy-MM-dd");
        var policyUuid = OscalIds.Of("resource", PolicyResource, run.Policy.Id, run.Policy.Sha256);
        var partyUuid = OscalIds.Of("party", run.Tool.Name);
        var generated = OscalRenderer.Time(run.GeneratedAt);
        // The earliest capture time of a host (docs/oscal.md); without hosts, the audit date.
        var start = OscalRenderer.Time(earliest ?? new DateTimeOffset(run.AuditDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var baselineUuid = OscalDrift.BaselineUuid(run);

        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, OscalRenderer.WriterOptions))
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
            // The observations stream in as the hosts come (Head), so nothing before them may depend on the hosts;
            // what does follows them, in the model's order.
            if (present.Contains(Observations))
            {
                w.WriteString("observations", Observations);
            }

            w.WriteString("description",
                $"{run.Summary.Hosts} hosts, {run.Summary.Sockets} listening sockets, judged against policy {run.Policy.Id}: verdict {run.Summary.Verdict.ToString().ToLowerInvariant()}."
                + (run.Drift is { } drift ? " " + DriftSentence(drift) : ""));
            w.WriteString("start", start);
            w.WriteString("end", generated);
            if (baselineUuid is not null)
            {
                w.WriteStartArray("props");
                OscalHostItems.Prop(w, "drift-baseline-sha256", run.Baseline!.Sha256);
                OscalHostItems.Prop(w, "drift-baseline-date", run.Drift?.BaselineAuditDate);
                w.WriteEndArray();
                w.WriteStartArray("links");
                w.WriteStartObject();
                w.WriteString("href", "#" + baselineUuid);
                w.WriteString("rel", "reference");
                w.WriteString("text", "The baseline this run's drift is measured against");
                w.WriteEndObject();
                w.WriteEndArray();
            }

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
            foreach (var (name, placeholder) in new[] { ("risks", "\u0001risks"), ("findings", "\u0001findings") })
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
            if (run.Baseline is { } baseline)
            {
                WriteBaseline(w, run, baseline, baselineUuid!);
            }

            w.WriteEndArray();
            w.WriteEndObject();

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary><c>3 of 19 hosts drifted since 2026-10-21 (1 new), 1 gone.</c></summary>
    private static string DriftSentence(DriftReport drift)
    {
        var drifted = drift.Hosts.Count(h => h.Status != HostDriftStatus.Unchanged);
        var added = drift.Hosts.Count(h => h.Status == HostDriftStatus.NewHost);
        return $"{drifted} of {drift.Hosts.Count} hosts drifted since the baseline audit of {drift.BaselineAuditDate}"
               + (added > 0 ? $" ({added} new)" : "")
               + (drift.Disappeared.Count > 0 ? $"; {drift.Disappeared.Count} of the baseline's hosts not seen: {Named(drift.Disappeared)}." : ".");
    }

    /// <summary>The first hosts by name, then how many more: a fleet's sentence stays a sentence.</summary>
    private static string Named(IReadOnlyList<string> hosts)
    {
        const int Shown = 10;
        return string.Join(", ", hosts.Take(Shown)) + (hosts.Count > Shown ? $" and {hosts.Count - Shown} more" : "");
    }

    /// <summary>The baseline results.json, by path and SHA-256: what the drift observations were measured against.</summary>
    private static void WriteBaseline(Utf8JsonWriter w, AuditResult run, EvidenceFileRef baseline, string uuid)
    {
        w.WriteStartObject();
        w.WriteString("uuid", uuid);
        w.WriteString("title", "Baseline: results.json of " + (run.Drift is { } drift ? $"the audit of {drift.BaselineAuditDate}" : "an earlier audit"));
        w.WriteString("description", $"The previous run's results.json ({baseline.Path}, sha256 {baseline.Sha256}) the drift observations compare with.");
        w.WriteStartArray("props");
        OscalHostItems.Prop(w, "baseline-path", baseline.Path);
        OscalHostItems.Prop(w, "baseline-sha256", baseline.Sha256);
        OscalHostItems.Prop(w, "drift-baseline-date", run.Drift?.BaselineAuditDate);
        w.WriteEndArray();
        w.WriteStartArray("rlinks");
        w.WriteStartObject();
        // A path as a URI reference: each step escaped (a space, a backslash), so any file name stays a valid href.
        w.WriteString("href", string.Join("/", baseline.Path.Split('/').Select(Uri.EscapeDataString)));
        w.WriteString("media-type", "application/json");
        w.WriteStartArray("hashes");
        w.WriteStartObject();
        w.WriteString("algorithm", "SHA-256");
        w.WriteString("value", baseline.Sha256);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
