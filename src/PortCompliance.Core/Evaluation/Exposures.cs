using PortCompliance.Core.Model;

namespace PortCompliance.Core.Evaluation;

/// <summary>
/// Joins the inside view (listings) with the outside view (nmap) of the same host: each socket gets what the scan saw
/// on its port, and a scan of a host nobody listed becomes a host with no known sockets (so every open port counts).
/// </summary>
internal static class Exposures
{
    /// <summary>A host as its listings gave it, joined with its outside scan if it has one; a host only scanned becomes an unlisted one.</summary>
    public static HostSnapshot? Apply(HostSnapshot? host, ExternalScan? scan) =>
        scan is null ? host : host is null ? Unlisted(scan) : With(host, scan);

    /// <summary>A host only scanned from outside: no known sockets, so every open port it shows counts.</summary>
    private static HostSnapshot Unlisted(ExternalScan scan) => With(new HostSnapshot
    {
        Host = scan.Host, Format = "nmap", Source = scan.Source, Sha256 = scan.Sha256, Sockets = [], Skipped = [], Unparsed = [],
    }, scan);

    /// <summary>The host as the scan saw it: each socket gets what the scan saw on its port.</summary>
    private static HostSnapshot With(HostSnapshot host, ExternalScan scan) => host with
    {
        External = scan,
        Sockets = [.. host.Sockets.Select(s => s with { Exposure = Of(s, scan) })],
    };

    private static string Of(ListeningSocket socket, ExternalScan scan)
    {
        // A socket bound to another address than the one scanned cannot answer the scan: it says nothing about it.
        if (!Answers(socket, scan.Address))
        {
            return "not-scanned";
        }

        return scan.StateOf(socket.Proto, socket.Port) switch
        {
            null => "not-scanned",
            "open" => "reachable",
            _ => "filtered",
        };
    }

    /// <summary>
    /// Whether a probe of <paramref name="scanned"/> reaches this socket: a wildcard of the probe's family (the dual-stack
    /// <c>*</c> of either), on the device that address lives on; or exactly the probed address.
    /// </summary>
    private static bool Answers(ListeningSocket socket, string scanned)
    {
        if (!System.Net.IPAddress.TryParse(scanned, out var parsed))
        {
            return false;
        }

        var target = Normal(parsed);
        var ipv4 = target.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork;
        var wildcardOfFamily = socket.Address switch
        {
            "*" => true,
            "0.0.0.0" => ipv4,
            "::" => !ipv4,
            _ => (bool?)null,
        };
        if (wildcardOfFamily is { } matches)
        {
            var loopbackTarget = System.Net.IPAddress.IsLoopback(target);
            return matches && socket.Interface switch
            {
                null => true,
                "lo" => loopbackTarget,
                _ => !loopbackTarget,
            };
        }

        return System.Net.IPAddress.TryParse(socket.Address, out var bound) && Normal(bound).Equals(target);
    }

    private static System.Net.IPAddress Normal(System.Net.IPAddress ip) => ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;

}
