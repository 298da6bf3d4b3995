using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>
/// Joins the inputs that name the same host (an ss and a netstat listing of it, or two collections) into one snapshot:
/// a socket seen in both counts once — the reading that shows its owner wins — and everything taken from a later input
/// keeps its own file and line, so evidence always points at the file a finding rests on.
/// </summary>
internal static class HostMerge
{
    public static IReadOnlyList<HostSnapshot> ByHost(IReadOnlyList<HostSnapshot> snapshots) =>
        [.. snapshots.GroupBy(s => s.Host).Select(g => g.Skip(1).Aggregate(g.First(), Merge))];

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
            EmptyInputs = [.. into.EmptyInputs, .. from.EmptyInputs],
            MergedFrom = [.. into.MergedFrom ?? [], new InputFileRef(from.Source, from.Sha256), .. from.MergedFrom ?? []],
        };
    }

    private static (Protocol, string, int, string?, string?) Key(ListeningSocket s) => (s.Proto, s.Address, s.Port, s.Interface, s.Namespace);
}
