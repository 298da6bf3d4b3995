using PortCompliance.Core.Model;

namespace PortCompliance.Core.Policy;

/// <summary>A port or an inclusive range (<c>8000-8100</c>), for one protocol or, when null, for both.</summary>
public sealed record PortRange(Protocol? Proto, int From, int To)
{
    public bool Contains(Protocol proto, int port) => (Proto is null || Proto == proto) && From <= port && port <= To;

    public override string ToString()
    {
        var ports = From == To ? From.ToString() : $"{From}-{To}";
        return Proto is { } p ? $"{p.ToString().ToLowerInvariant()}/{ports}" : ports;
    }

    public static bool AnyContains(IEnumerable<PortRange> ranges, Protocol proto, int port) =>
        ranges.Any(r => r.Contains(proto, port));
}
