using System.Globalization;
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

    /// <summary>
    /// The host's sockets by port, indexed the first time a finding asks: what a finding on a port rests on, found
    /// without a pass over every socket for every finding (a host may have tens of thousands of both).
    /// </summary>
    private Dictionary<int, List<ListeningSocket>> SocketsByPort => _byPort ??= ByPort(host.Sockets);

    private Dictionary<int, List<ListeningSocket>>? _byPort;

    private static Dictionary<int, List<ListeningSocket>> ByPort(IReadOnlyList<ListeningSocket> sockets)
    {
        var byPort = new Dictionary<int, List<ListeningSocket>>();
        foreach (var s in sockets)
        {
            if (!byPort.TryGetValue(s.Port, out var on))
            {
                byPort[s.Port] = on = [];
            }

            on.Add(s);
        }

        return byPort;
    }

    /// <summary>The host's inventory item, as its own entry and every observation's subject name it.</summary>
    private readonly JsonEncodedText _inventoryUuid = JsonEncodedText.Encode(OscalIds.Of("inventory-item", host.Host));

    /// <summary>When the host's sockets were collected, and what says so (docs/oscal.md).</summary>
    public (DateTimeOffset At, string From) Collected { get; } = CollectedOf(run, host);

    /// <summary><see cref="Collected"/> as every observation of the host states it.</summary>
    public string CollectedTime => _collectedTime ??= OscalRenderer.Time(Collected.At);

    private string? _collectedTime;

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

    public void WriteInventoryItem(OscalItemLines items)
    {
        var w = items.Next();
        w.WriteStartObject();
        w.WriteString(OscalKeys.Uuid, _inventoryUuid);
        w.WriteString(OscalKeys.Description, $"Host {host.Host}");
        w.WriteStartArray(OscalKeys.Props);
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

    public void WriteObservations(OscalItemLines items)
    {
        // What every observation of the host repeats, encoded once for all of them.
        var (source, sha256, collectedFrom) = (Encoded(host.Source), Encoded(host.Sha256), Encoded(Collected.From));
        var collected = JsonEncodedText.Encode(CollectedTime);
        foreach (var s in host.Sockets)
        {
            var w = items.Next();
            w.WriteStartObject();
            w.WriteString(OscalKeys.Uuid, ObservationUuid(s));
            Composed.Start().Add(s.Proto.Name()).Add(" ").Add(s.Address).Add(":").Add(s.Port).Add(" listening on ").Add(host.Host)
                .WriteTo(w, OscalKeys.Title);
            var description = Composed.Start().Add("A listening ").Add(s.Proto.Name()).Add(" socket on ").Add(s.Address).Add(" port ").Add(s.Port);
            if (s.Processes.Count > 1 || s.Processes is [{ Name.Length: > 0 }])
            {
                for (var i = 0; i < s.Processes.Count; i++)
                {
                    description.Add(i == 0 ? ", held by " : ", ").Add(s.Processes[i].Name);
                }
            }

            description.Add(".").WriteTo(w, OscalKeys.Description);
            w.WriteStartArray(OscalKeys.Props);
            Prop(w, OscalKeys.CollectedFrom, collectedFrom);
            w.WriteEndArray();
            w.WriteStartArray(OscalKeys.Methods);
            w.WriteStringValue(OscalKeys.Test);
            w.WriteEndArray();
            WriteSubject(w);
            w.WriteStartArray(OscalKeys.RelevantEvidence);
            w.WriteStartObject();
            Composed.Start().Add(s.Source ?? host.Source).Add(", line ").Add(s.Line).WriteTo(w, OscalKeys.Description);
            w.WriteStartArray(OscalKeys.Props);
            Prop(w, OscalKeys.Source, s.Source is null ? source : Encoded(s.Source));

            Prop(w, OscalKeys.Sha256, sha256);
            Prop(w, OscalKeys.Line, Composed.Start().Add(s.Line));
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteString(OscalKeys.Collected, collected);
            w.WriteEndObject();
        }

        _drift?.WriteObservations(items, this);
    }

    internal void WriteSubject(Utf8JsonWriter w)
    {
        w.WriteStartArray(OscalKeys.Subjects);
        w.WriteStartObject();
        w.WriteString(OscalKeys.SubjectUuid, _inventoryUuid);
        w.WriteString(OscalKeys.Type, OscalKeys.InventoryItem);
        w.WriteEndObject();
        w.WriteEndArray();
    }

    public void WriteFindings(OscalItemLines findingItems, OscalItemLines risks)
    {
        var byRule = host.Findings.ToLookup(f => f.Rule, StringComparer.Ordinal);
        var hostName = Encoded(host.Host);
        foreach (var rule in OscalControls.RulesInOrder(run.Policy))
        {
            List<Finding> broken = [.. byRule[rule]];
            var riskUuids = new List<string>(broken.Count);
            var related = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < broken.Count; i++)
            {
                riskUuids.Add(WriteRisk(risks, broken[i], i));
                if (broken[i] is not { Port: { } port } finding)
                {
                    continue;
                }

                foreach (var socket in SocketsByPort.GetValueOrDefault(port) ?? [])
                {
                    if (socket.Proto == finding.Proto && socket.Address == finding.Address && ObservationUuid(socket) is var uuid && seen.Add(uuid))
                    {
                        related.Add(uuid);
                    }
                }
            }

            if (_drift is not null)
            {
                related.AddRange(_drift.ObservationsConcerning(rule, broken));
            }

            var findings = findingItems.Next();
            findings.WriteStartObject();
            findings.WriteString(OscalKeys.Uuid, OscalIds.Of("finding", _date, host.Host, rule));
            Composed.Start().Add(rule).Add(" on ").Add(host.Host).WriteTo(findings, OscalKeys.Title);
            var description = broken.Count == 0 ? Composed.Start().Add("Rule ").Add(rule).Add(" holds on ").Add(host.Host).Add(".") : Composed.Start();
            for (var i = 0; i < broken.Count; i++)
            {
                description.Add(i == 0 ? "" : "\n\n").Add(broken[i].Message);
            }

            description.WriteTo(findings, OscalKeys.Description);
            findings.WriteStartObject(OscalKeys.Target);
            findings.WriteString(OscalKeys.Type, OscalKeys.ObjectiveId);
            findings.WriteString(OscalKeys.TargetId, OscalControls.Objective(rule, broken, run.Policy));
            findings.WriteStartObject(OscalKeys.Status);
            findings.WriteString(OscalKeys.State, broken.Count == 0 ? OscalKeys.Satisfied : OscalKeys.NotSatisfied);
            findings.WriteEndObject();
            findings.WriteEndObject();
            findings.WriteStartArray(OscalKeys.Props);
            Prop(findings, OscalKeys.Rule, rule);
            Prop(findings, OscalKeys.Host, hostName);
            findings.WriteEndArray();
            Related(findings, RelatedObservations, ObservationUuidKey, related);
            Related(findings, RelatedRisks, RiskUuid, riskUuids);
            findings.WriteEndObject();
        }
    }

    private string WriteRisk(OscalItemLines risks, Finding f, int index)
    {
        var uuid = OscalIds.Of("risk", _date, host.Host, f.Rule, f.Proto?.ToString() ?? "", f.Address ?? "", f.Port?.ToString() ?? "", index.ToString());
        var approved = f.Waived && f.Waiver is { Expired: false };
        var w = risks.Next();
        w.WriteStartObject();
        w.WriteString(OscalKeys.Uuid, uuid);
        var title = Composed.Start().Add(f.Rule).Add(": ").Add(host.Host);
        if (f.Port is { } port)
        {
            title.Add(" ").Add(f.Proto?.Name()).Add("/").Add(port);
        }

        title.WriteTo(w, OscalKeys.Title);
        w.WriteString(OscalKeys.Description, f.Message);
        if (f.Remediation.Count == 0)
        {
            w.WriteString(OscalKeys.Statement, f.Message);
        }
        else
        {
            var statement = Composed.Start();
            for (var i = 0; i < f.Remediation.Count; i++)
            {
                Step(statement.Add(i == 0 ? "" : "\n\n"), f.Remediation[i]);
            }

            statement.WriteTo(w, OscalKeys.Statement);
        }
        w.WriteStartArray(OscalKeys.Props);
        Prop(w, OscalKeys.Severity, f.Severity.Name());
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
        w.WriteString(OscalKeys.Status, approved ? OscalKeys.DeviationApproved : OscalKeys.Open);
        if (approved)
        {
            w.WriteString(OscalKeys.Deadline, f.Waiver!.Expires.ToString("yyyy-MM-dd") + "T23:59:59Z");
        }

        w.WriteEndObject();
        return uuid;
    }

    private static readonly JsonEncodedText RelatedObservations = JsonEncodedText.Encode("related-observations");
    private static readonly JsonEncodedText ObservationUuidKey = JsonEncodedText.Encode("observation-uuid");
    private static readonly JsonEncodedText RelatedRisks = JsonEncodedText.Encode("related-risks");
    private static readonly JsonEncodedText RiskUuid = JsonEncodedText.Encode("risk-uuid");

    /// <summary>
    /// A remediation step as OSCAL markup (Markdown): its text, then its command for the host's OS in a fenced block
    /// (<c>sh</c>, or <c>powershell</c> for Windows), as the PDF and HTML show it. The fence is longer than any run of
    /// backticks in the command (a process name may hold some), so nothing in it closes the block early.
    /// </summary>
    private static void Step(Composed statement, RemediationStep step)
    {
        statement.Add(step.Text);
        if (step.Code is { } code)
        {
            var fence = Math.Max(3, LongestRun(code, '`') + 1);
            statement.Add("\n\n").Add('`', fence).Add(step.Shell ?? "sh").Add("\n").Add(code).Add("\n").Add('`', fence);
        }
    }

    internal static int LongestRun(string text, char c)
    {
        int longest = 0;
        for (var at = text.IndexOf(c); at >= 0; at = text.IndexOf(c, at))
        {
            var run = text.AsSpan(at).IndexOfAnyExcept(c) is var end and >= 0 ? end : text.Length - at;
            longest = Math.Max(longest, run);
            at += run;
            if (at >= text.Length)
            {
                break;
            }
        }

        return longest;
    }

    private static void Related(Utf8JsonWriter w, JsonEncodedText name, JsonEncodedText key, IReadOnlyList<string> uuids)
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
    internal static void Prop(Utf8JsonWriter w, string name, string? value) => Prop(w, JsonEncodedText.Encode(name), value);

    internal static void Prop(Utf8JsonWriter w, JsonEncodedText name, string? value) => Prop(w, name, value.AsSpan());

    private static void Prop(Utf8JsonWriter w, JsonEncodedText name, Composed value) => Prop(w, name, value.Text);

    private static void Prop(Utf8JsonWriter w, JsonEncodedText name, ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (!value.IsEmpty)
        {
            w.WriteStartObject();
            w.WriteString(OscalKeys.Name, name);
            w.WriteString(OscalKeys.Ns, OscalKeys.Namespace);
            w.WriteString(OscalKeys.Value, value);
            w.WriteEndObject();
        }
    }

    /// <summary>
    /// A value the host's items repeat, trimmed and encoded once; an empty one encodes to nothing (<c>default</c>), which
    /// <see cref="Prop(Utf8JsonWriter, JsonEncodedText, JsonEncodedText)"/> leaves out.
    /// </summary>
    private static JsonEncodedText Encoded(string? value) =>
        value?.Trim() is { Length: > 0 } trimmed ? JsonEncodedText.Encode(trimmed, OscalRenderer.WriterOptions.Encoder) : default;

    /// <summary>A property of a value <see cref="Encoded"/> already; none when it was empty.</summary>
    private static void Prop(Utf8JsonWriter w, JsonEncodedText name, JsonEncodedText value)
    {
        if (!value.EncodedUtf8Bytes.IsEmpty)
        {
            w.WriteStartObject();
            w.WriteString(OscalKeys.Name, name);
            w.WriteString(OscalKeys.Ns, OscalKeys.Namespace);
            w.WriteString(OscalKeys.Value, value);
            w.WriteEndObject();
        }
    }

    /// <summary>
    /// A value made of parts (a title, a risk's statement) in this thread's buffer and written as one JSON string: the
    /// items of a fleet make a million of them, and none needs to become a string of its own. Each is written before
    /// the next is started.
    /// </summary>
    private sealed class Composed
    {
        [ThreadStatic]
        private static Composed? _mine;

        private char[] _chars = new char[1 << 10];
        private int _length;

        public ReadOnlySpan<char> Text => _chars.AsSpan(0, _length);

        /// <summary>A buffer a huge value grew past this (a rule's findings on a host of 40,000 listeners) is not kept.</summary>
        private const int Kept = 1 << 20;

        public static Composed Start()
        {
            var composed = _mine is { _chars.Length: <= Kept } mine ? mine : _mine = new Composed();
            composed._length = 0;
            return composed;
        }

        public Composed Add(string? text) => Add(text.AsSpan());

        public Composed Add(ReadOnlySpan<char> text)
        {
            text.CopyTo(Room(text.Length));
            _length += text.Length;
            return this;
        }

        public Composed Add(char c, int count)
        {
            Room(count)[..count].Fill(c);
            _length += count;
            return this;
        }

        public Composed Add(int number)
        {
            number.TryFormat(Room(11), out var written, provider: CultureInfo.InvariantCulture);
            _length += written;
            return this;
        }

        public void WriteTo(Utf8JsonWriter w, JsonEncodedText name) => w.WriteString(name, Text);

        private Span<char> Room(int needed)
        {
            if (_length + needed > _chars.Length)
            {
                Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + needed));
            }

            return _chars.AsSpan(_length);
        }
    }
}
