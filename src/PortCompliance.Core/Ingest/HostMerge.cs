using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>
/// Joins the inputs that name the same host (an ss and a netstat listing of it, or two collections) into one snapshot:
/// a socket seen in both counts once — the reading that shows its owner wins — and everything taken from a later input
/// keeps its own file and line, so evidence always points at the file a finding rests on. A process listing of the host
/// (<c>tasklist /fo csv</c>) names the processes a listing shows by pid alone (Windows <c>netstat -ano</c>).
/// </summary>
internal static class HostMerge
{
    public static IReadOnlyList<HostSnapshot> ByHost(IReadOnlyList<HostSnapshot> snapshots) =>
        [.. snapshots.GroupBy(s => s.Host).Select(g => Named(g.Skip(1).Aggregate(g.First(), Merge)))];

    private static HostSnapshot Merge(HostSnapshot into, HostSnapshot from)
    {
        var sockets = into.Sockets.ToList();
        foreach (var socket in from.Sockets.Select(s => s with { Source = from.Source }))
        {
            var same = sockets.FindIndex(s => Key(s) == Key(socket));
            if (same < 0)
            {
                sockets.Add(socket);
            }
            else if (sockets[same].Processes.Count == 0 && socket.Processes.Count > 0)
            {
                sockets[same] = socket;
            }
        }

        return into with
        {
            Format = into.Format == from.Format ? into.Format : $"{into.Format}+{from.Format}",
            Os = into.Os == HostOs.Unknown ? from.Os : into.Os,
            Sockets = sockets,
            Skipped = [.. into.Skipped, .. from.Skipped.Select(l => l with { Source = from.Source })],
            Unparsed = [.. into.Unparsed, .. from.Unparsed.Select(l => l with { Source = from.Source })],
            // A process listing is empty of sockets by nature: beside a socket listing of the host it is not a failed collection.
            EmptyInputs = [.. Without(into, from), .. Without(from, into)],
            MergedFrom = [.. into.MergedFrom ?? [], new InputFileRef(from.Source, from.Sha256), .. from.MergedFrom ?? []],
            ProcessNames = Join(into.ProcessNames, from.ProcessNames),
            CollectedWithoutRoot = into.CollectedWithoutRoot || from.CollectedWithoutRoot,
            WithoutRootLine = into.CollectedWithoutRoot ? into.WithoutRootLine : from.WithoutRootLine,
            WithoutRootNote = into.CollectedWithoutRoot ? into.WithoutRootNote : from.WithoutRootNote,
            CapturedAt = into.CapturedAt is { } a && from.CapturedAt is { } b ? (a <= b ? a : b) : into.CapturedAt ?? from.CapturedAt,
        };
    }

    private static IEnumerable<string> Without(HostSnapshot snapshot, HostSnapshot other) =>
        snapshot.Format == TasklistParser.Key && other.Format != TasklistParser.Key
            ? snapshot.EmptyInputs.Where(s => s != snapshot.Source)
            : snapshot.EmptyInputs;

    private static IReadOnlyDictionary<int, string>? Join(IReadOnlyDictionary<int, string>? a, IReadOnlyDictionary<int, string>? b) =>
        a is null ? b : b is null ? a : a.Concat(b).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);

    /// <summary>Each process shown by pid alone takes the image name the host's process listing gives that pid.</summary>
    private static HostSnapshot Named(HostSnapshot host)
    {
        if (host.ProcessNames is not { Count: > 0 } names
            || !host.Sockets.Any(s => s.Processes.Any(p => p is { Name: null, Pid: { } pid } && names.ContainsKey(pid))))
        {
            return host;
        }

        var pool = new Dictionary<(string?, int?), SocketProcess>();
        return host with
        {
            Sockets = [.. host.Sockets.Select(s => s.Processes.Any(p => p.Name is null)
                ? s with { Processes = [.. s.Processes.Select(p => Name(p, names, pool))] }
                : s)],
        };
    }

    private static SocketProcess Name(SocketProcess process, IReadOnlyDictionary<int, string> names, Dictionary<(string?, int?), SocketProcess> pool)
    {
        if (process is not { Name: null, Pid: { } pid } || !names.TryGetValue(pid, out var name))
        {
            return process;
        }

        if (!pool.TryGetValue((name, pid), out var named))
        {
            named = new SocketProcess(name, pid);
            pool[(name, pid)] = named;
        }

        return named;
    }

    private static (Protocol, string, int, string?, string?) Key(ListeningSocket s) => (s.Proto, s.Address, s.Port, s.Interface, s.Namespace);
}
