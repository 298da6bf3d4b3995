using System.Collections.Frozen;
using System.Reflection;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>Service name → port, for listings captured without <c>-n</c> (<c>*:ssh</c>, <c>localhost:ipp</c>).</summary>
internal static class ServiceNames
{
    private static readonly FrozenDictionary<string, int> Tcp;
    private static readonly FrozenDictionary<string, int> Udp;
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> TcpLookup;
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> UdpLookup;

    static ServiceNames()
    {
        var tcp = new Dictionary<string, int>(StringComparer.Ordinal);
        var udp = new Dictionary<string, int>(StringComparer.Ordinal);
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PortCompliance.Core.Ingest.services.txt")
            ?? throw new InvalidOperationException("services.txt is not embedded in PortCompliance.Core");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            // "name port/proto alias..."
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var slash = fields[1].IndexOf('/');
            var port = int.Parse(fields[1].AsSpan(0, slash));
            var table = fields[1].AsSpan(slash + 1) is "udp" ? udp : tcp;
            foreach (var name in fields.Where((_, index) => index != 1))
            {
                table.TryAdd(name, port);
            }
        }

        Tcp = tcp.ToFrozenDictionary(StringComparer.Ordinal);
        Udp = udp.ToFrozenDictionary(StringComparer.Ordinal);
        TcpLookup = Tcp.GetAlternateLookup<ReadOnlySpan<char>>();
        UdpLookup = Udp.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static bool TryGetPort(ReadOnlySpan<char> name, Protocol proto, out int port)
    {
        // A name listed for only the other protocol is still the port the tool printed it for.
        var (first, second) = proto == Protocol.Udp ? (UdpLookup, TcpLookup) : (TcpLookup, UdpLookup);
        return first.TryGetValue(name, out port) || second.TryGetValue(name, out port);
    }
}
