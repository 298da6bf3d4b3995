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

    // Called for every socket under every rule and group: a loop, not a closure per call.
    public static bool AnyContains(IEnumerable<PortRange> ranges, Protocol proto, int port)
    {
        foreach (var range in ranges)
        {
            if (range.Contains(proto, port))
            {
                return true;
            }
        }

        return false;
    }
}
