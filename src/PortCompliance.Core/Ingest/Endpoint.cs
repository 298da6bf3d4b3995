using System.Net;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>A local <c>address:port</c> column split into its parts, every form ss and netstat print.</summary>
internal readonly record struct Endpoint(string Address, IpFamily Family, string? Interface, int Port, string? PortName, BindScope Scope)
{
    /// <summary>
    /// Reads <c>0.0.0.0:22</c>, <c>[::]:22</c>, <c>*:22</c>, <c>:::22</c>, <c>::1:323</c>, <c>[fe80::1]%eth0:8443</c>, Windows' <c>[fe80::1%9]:1900</c>,
    /// <c>127.0.0.53%lo:53</c>, <c>fe80::1%eth0:123</c> and service names (<c>*:ssh</c>, <c>localhost:ipp</c>).
    /// </summary>
    /// <param name="familyHint">The family the row's protocol column implies (netstat's tcp6), if any.</param>
    public static bool TryParse(
        ReadOnlySpan<char> token, Protocol proto, IpFamily? familyHint, Interner pool,
        out Endpoint endpoint, out string error)
    {
        endpoint = default;
        ReadOnlySpan<char> address;
        ReadOnlySpan<char> device = default;
        ReadOnlySpan<char> port;
        var bracketed = token.Length > 0 && token[0] == '[';

        if (bracketed)
        {
            var close = token.IndexOf(']');
            if (close < 0)
            {
                error = $"address '{Excerpt.Of(token)}' opens '[' but never closes it";
                return false;
            }

            address = token[1..close];
            var zone = address.IndexOf('%');
            if (zone >= 0)
            {
                // Windows puts the zone inside the brackets: [fe80::1%9]:1900.
                device = address[(zone + 1)..];
                address = address[..zone];
            }

            var after = token[(close + 1)..];
            if (after.Length > 0 && after[0] == '%' && zone < 0)
            {
                var colon = after.LastIndexOf(':');
                if (colon < 0)
                {
                    error = $"address '{Excerpt.Of(token)}' has no port";
                    return false;
                }

                device = after[1..colon];
                after = after[colon..];
            }

            if (after.Length < 2 || after[0] != ':')
            {
                error = $"address '{Excerpt.Of(token)}' has no port after ']'";
                return false;
            }

            port = after[1..];
        }
        else
        {
            var colon = token.LastIndexOf(':');
            if (colon <= 0 || colon == token.Length - 1)
            {
                error = $"'{Excerpt.Of(token)}' is not an address:port";
                return false;
            }

            address = token[..colon];
            port = token[(colon + 1)..];
            var percent = address.IndexOf('%');
            if (percent >= 0)
            {
                device = address[(percent + 1)..];
                address = address[..percent];
            }
        }

        if (!TryReadPort(port, proto, out var number, out var portName, out error))
        {
            return false;
        }

        if (!TryReadFamily(address, bracketed, familyHint, out var family, out var ip))
        {
            error = $"'{Excerpt.Of(address)}' is neither an IP address nor a host name";
            return false;
        }

        if (device.IsEmpty && token.Contains('%'))
        {
            error = $"address '{Excerpt.Of(token)}' has an empty %interface";
            return false;
        }

        var text = pool.String(address);
        var deviceName = device.IsEmpty ? null : pool.String(device);
        endpoint = new Endpoint(
            text,
            family,
            deviceName,
            number,
            portName is null ? null : pool.String(portName),
            BindScopes.Classify(text, ip, deviceName));
        error = "";
        return true;
    }

    private static bool TryReadPort(ReadOnlySpan<char> text, Protocol proto, out int port, out string? name, out string error)
    {
        name = null;
        error = "";
        if (int.TryParse(text, System.Globalization.NumberStyles.None, null, out port))
        {
            if (port <= 65535)
            {
                return true;
            }

            error = $"port {Excerpt.Of(text)} is outside 0-65535";
            return false;
        }

        if (ServiceNames.TryGetPort(text, proto, out port))
        {
            name = text.ToString();
            return true;
        }

        error = text is "*"
            ? "the socket has no port"
            : $"unknown service name '{Excerpt.Of(text)}' (capture with -n to get port numbers)";
        return false;
    }

    private static bool TryReadFamily(ReadOnlySpan<char> address, bool bracketed, IpFamily? hint, out IpFamily family, out IPAddress? ip)
    {
        ip = null;
        if (address is "*")
        {
            family = IpFamily.Any;
            return true;
        }

        if (IPAddress.TryParse(address, out ip))
        {
            family = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? IpFamily.IPv6 : IpFamily.IPv4;
            return address.Contains(':') || family == IpFamily.IPv4 && IsDottedQuad(address);
        }

        // A host name printed instead of an address (no -n): keep it; the family comes from context.
        family = bracketed || address.StartsWith("ip6-") ? IpFamily.IPv6 : hint ?? IpFamily.IPv4;
        return IsHostName(address);
    }

    // IPAddress.TryParse accepts "1" or "127.1"; listings never print those, so they are names at best.
    private static bool IsDottedQuad(ReadOnlySpan<char> address) => address.Count('.') == 3;

    private static readonly System.Buffers.SearchValues<char> DigitsAndDots = System.Buffers.SearchValues.Create("0123456789.");

    private static bool IsHostName(ReadOnlySpan<char> name)
    {
        // All digits and dots is a malformed address (300.1.1.1), not a name.
        if (name.IsEmpty || name.Length > 253 || name[0] == '-' || name[0] == '.' || !name.ContainsAnyExcept(DigitsAndDots))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
