using System.Net;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>Decides wildcard / loopback / specific from an address as shown and its bound device.</summary>
internal static class BindScopes
{
    private static readonly HashSet<string> LoopbackNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "localhost", "localhost.localdomain", "localhost4", "localhost6", "ip6-localhost", "ip6-loopback",
    };

    public static BindScope Classify(string address, string? device) =>
        Classify(address, IPAddress.TryParse(address, out var ip) ? ip : null, device);

    /// <summary>As above, for a caller that has parsed the address already (null: not an IP literal).</summary>
    internal static BindScope Classify(string address, IPAddress? ip, string? device)
    {
        if (device is "lo")
        {
            return BindScope.Loopback;
        }

        if (address is "*")
        {
            return BindScope.Wildcard;
        }

        if (ip is not null)
        {
            if (ip.IsIPv4MappedToIPv6)
            {
                ip = ip.MapToIPv4();
            }

            if (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))
            {
                return BindScope.Wildcard;
            }

            return IPAddress.IsLoopback(ip) ? BindScope.Loopback : BindScope.Specific;
        }

        return LoopbackNames.Contains(address) ? BindScope.Loopback : BindScope.Specific;
    }
}
