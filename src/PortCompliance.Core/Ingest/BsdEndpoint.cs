using System.Net;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>
/// A BSD/macOS <c>netstat</c> address column: <c>127.0.0.1.631</c>, <c>*.22</c>, <c>::1.631</c>,
/// <c>fe80::1%lo0.123</c>, <c>ns1.ssh</c>: the port is after the last dot.
/// </summary>
internal static class BsdEndpoint
{
    /// <summary>
    /// What netstat keeps of a host without <c>-W</c> (<c>%.16s</c>): a host this long may have been cut, and one that is
    /// then no complete IP address (<c>fe80::aede:48ff:</c>, <c>heteigenwijsje.n</c>) was, or cannot be told from one.
    /// </summary>
    public const int CutHostLength = 16;

    /// <summary>Host and port as netstat prints them at most without <c>-W</c>: the column is 22 characters wide.</summary>
    private const int ColumnWidth = 22;

    /// <param name="family">The family the protocol column says (<c>tcp4</c>, <c>tcp6</c>, <c>tcp46</c> is any), null for a bare <c>tcp</c>.</param>
    public static bool TryParse(
        ReadOnlySpan<char> token, Protocol proto, IpFamily? family, Interner pool,
        out Endpoint endpoint, out bool truncated, out string error)
    {
        endpoint = default;
        truncated = false;
        var dot = token.LastIndexOf('.');
        if (dot <= 0 || dot == token.Length - 1 || token.LastIndexOf(':') > dot)
        {
            error = $"'{Excerpt.Of(token)}' is not an address.port";
            return false;
        }

        var host = token[..dot];
        var portText = token[(dot + 1)..];
        var address = host;
        ReadOnlySpan<char> device = default;
        var percent = host.IndexOf('%');
        if (percent >= 0)
        {
            device = host[(percent + 1)..];
            address = host[..percent];
            if (device.IsEmpty)
            {
                error = $"address '{Excerpt.Of(token)}' has an empty %interface";
                return false;
            }
        }

        IPAddress? ip = null;
        var complete = address is "*" || IsIpLiteral(address, out ip);
        truncated = !complete && host.Length == CutHostLength && IsCutText(host);
        if (!complete && !truncated && !IsHostName(address))
        {
            error = $"'{Excerpt.Of(address)}' is neither an IP address nor a host name";
            return false;
        }

        if (!TryReadPort(portText, proto, truncated && token.Length == ColumnWidth, out var port, out var named, out error))
        {
            return false;
        }

        var resolved = ip is null
            ? address is "*" ? family ?? IpFamily.Any : family ?? (address.Contains(':') ? IpFamily.IPv6 : IpFamily.IPv4)
            : address.Contains(':') ? IpFamily.IPv6 : IpFamily.IPv4;
        var text = pool.String(address);
        var deviceName = device.IsEmpty ? null : pool.String(device);
        endpoint = new Endpoint(text, resolved, deviceName, port, named ? pool.String(portText) : null,
            BindScopes.Classify(text, ip, deviceName));
        return true;
    }

    private static bool TryReadPort(
        ReadOnlySpan<char> text, Protocol proto, bool mayBeCut, out int port, out bool named, out string error)
    {
        named = false;
        error = "";
        if (!text.ContainsAnyExceptInRange('0', '9'))
        {
            if (int.TryParse(text, System.Globalization.NumberStyles.None, null, out port) && port <= 65535)
            {
                return true;
            }

            error = $"port {Excerpt.Of(text)} is outside 0-65535";
            return false;
        }

        if (ServiceNames.TryGetPort(text, proto, out port))
        {
            named = true;
            return true;
        }

        error = text is "*" ? "the socket has no port"
            : mayBeCut ? $"port name '{Excerpt.Of(text)}' fills the 22-character column: netstat cut it (capture with -n)"
            : $"unknown service name '{Excerpt.Of(text)}' (capture with -n to get port numbers)";
        return false;
    }

    private static bool IsIpLiteral(ReadOnlySpan<char> address, out IPAddress? ip)
    {
        // IPAddress.TryParse takes "1" or "127.1"; netstat prints neither, so a dotted quad or an IPv6 literal only.
        if (IPAddress.TryParse(address, out ip) && (address.Contains(':') || address.Count('.') == 3))
        {
            return true;
        }

        ip = null;
        return false;
    }

    /// <summary>What the start of a name or an IPv6 address may hold: a cut one is still only that.</summary>
    private static bool IsCutText(ReadOnlySpan<char> host)
    {
        foreach (var c in host)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or ':' or '%'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHostName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || name.Length > 253 || name[0] is '-' or '.')
        {
            return false;
        }

        var letters = false;
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_'))
            {
                return false;
            }

            letters |= !char.IsAsciiDigit(c) && c != '.';
        }

        return letters; // all digits and dots is a malformed address (300.1.1.1), not a name
    }
}
