using PortCompliance.Core.Model;

namespace PortCompliance.Core.Evaluation;

/// <summary>
/// Compares a host with its state in a baseline run: listeners opened, closed, rebound or re-owned; findings new and
/// resolved. A run compares through <see cref="DriftBaseline"/>, host by host.
/// </summary>
internal static class Drifts
{
    /// <summary>One host against its state in the baseline: what changed, or that it is new.</summary>
    internal static HostDrift Compare(HostResult now, HostResult? then) =>
        then is null ? new HostDrift(now.Host, HostDriftStatus.NewHost, [], []) : Host(now, then);

    private static HostDrift Host(HostResult now, HostResult then)
    {
        var listeners = Listeners(now.Sockets, then.Sockets);
        var findings = Findings(now.Findings, then.Findings);
        return new HostDrift(now.Host, listeners.Count + findings.Count == 0 ? HostDriftStatus.Unchanged : HostDriftStatus.Changed, listeners, findings);
    }

    private static List<ListenerChange> Listeners(IReadOnlyList<ListeningSocket> now, IReadOnlyList<ListeningSocket> then)
    {
        var changes = new List<ListenerChange>();
        var nowByKey = now.ToLookup(Key);
        var thenByKey = then.ToLookup(Key);
        foreach (var key in nowByKey.Select(g => g.Key).Union(thenByKey.Select(g => g.Key)).OrderBy(k => k.Proto).ThenBy(k => k.Port).ThenBy(k => k.Namespace, StringComparer.Ordinal))
        {
            var after = Addresses(nowByKey[key]);
            var before = Addresses(thenByKey[key]);
            if (before.Length == 0)
            {
                changes.Add(new(DriftChange.Opened, key.Proto, key.Port, null, string.Join(", ", after)));
            }
            else if (after.Length == 0)
            {
                changes.Add(new(DriftChange.Closed, key.Proto, key.Port, string.Join(", ", before), null));
            }
            else if (!before.SequenceEqual(after))
            {
                changes.Add(new(DriftChange.Rebound, key.Proto, key.Port, string.Join(", ", before), string.Join(", ", after)));
            }
            else if (Owners(thenByKey[key]) is var was && Owners(nowByKey[key]) is var @is && was != @is && was.Length > 0 && @is.Length > 0)
            {
                changes.Add(new(DriftChange.OwnerChanged, key.Proto, key.Port, was, @is));
            }
        }

        return changes;
    }

    private static (Protocol Proto, int Port, string? Namespace) Key(ListeningSocket s) => (s.Proto, s.Port, s.Namespace);

    private static string[] Addresses(IEnumerable<ListeningSocket> sockets) =>
        [.. sockets.Select(s => s.Interface is null ? s.Address : $"{s.Address}%{s.Interface}").Distinct().Order(StringComparer.Ordinal)];

    private static string Owners(IEnumerable<ListeningSocket> sockets) =>
        string.Join(", ", sockets.SelectMany(s => s.Processes).Select(p => p.NameOrPid()).Distinct().Order(StringComparer.Ordinal));

    private static List<FindingChange> Findings(IReadOnlyList<Finding> now, IReadOnlyList<Finding> then)
    {
        var nowKeys = now.Where(f => !f.Waived).ToLookup(FindingKey);
        var thenKeys = then.Where(f => !f.Waived).ToLookup(FindingKey);
        return
        [
            .. nowKeys.Where(g => !thenKeys.Contains(g.Key)).Select(g => Change(DriftChange.New, g.First())),
            .. thenKeys.Where(g => !nowKeys.Contains(g.Key)).Select(g => Change(DriftChange.Resolved, g.First())),
        ];
    }

    private static string FindingKey(Finding f) =>
        f.Port is { } port ? $"{f.Rule} {f.Proto} {f.Address} {port} {f.Namespace}" : $"{f.Rule} {f.Evidence?.Text}";

    private static FindingChange Change(DriftChange change, Finding f) =>
        new(change, f.Rule, f.Severity, f.Port is { } port
            ? $"{f.Proto?.Label()} {Endpoints.Format(f.Address ?? "?", f.Interface, port)}"
            : $"{f.Evidence?.Source} line {f.Evidence?.Line}");
}
