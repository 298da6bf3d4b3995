namespace PortCompliance.Core.Model;

/// <summary>What the network sees of a host: the ports a scanner (nmap) probed from outside, and what it found.</summary>
public sealed record ExternalScan
{
    /// <summary>Each host's scan: when a host was scanned more than once, the last one given counts.</summary>
    public static Dictionary<string, ExternalScan> LatestByHost(IEnumerable<ExternalScan> scans) =>
        scans.GroupBy(s => s.Host, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    public required string Host { get; init; }

    /// <summary>The address the scanner probed.</summary>
    public required string Address { get; init; }

    public required string Source { get; init; }
    public required string Sha256 { get; init; }
    /// <summary>Ports nmap reported one by one (open ones always; closed or filtered ones when few).</summary>
    public required IReadOnlyList<ScannedPort> Ports { get; init; }

    /// <summary>When the scan started (nmap's <c>nmaprun start</c>, Unix seconds), if it says. Not part of results.json.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset? Started { get; init; }

    /// <summary>The port ranges probed, per protocol (nmap's <c>scaninfo services</c>).</summary>
    public IReadOnlyList<ScannedRange> Probed { get; init; } = [];

    /// <summary>The state of probed ports nmap did not list (its <c>extraports</c>: mostly <c>closed</c>).</summary>
    public IReadOnlyDictionary<Protocol, string> Unlisted { get; init; } = new Dictionary<Protocol, string>();

    /// <summary>What the scan says of one port: listed state, the unlisted state if probed, or null if not probed.</summary>
    public string? StateOf(Protocol proto, int port) =>
        Ports.FirstOrDefault(p => p.Proto == proto && p.Port == port)?.State
        ?? (Probed.Any(r => r.Proto == proto && r.From <= port && port <= r.To) ? Unlisted.GetValueOrDefault(proto, "closed") : null);
}

public sealed record ScannedRange(Protocol Proto, int From, int To);

/// <summary>One probed port: <c>open</c>, <c>closed</c>, <c>filtered</c>, <c>open|filtered</c>, … as nmap says.</summary>
public sealed record ScannedPort(Protocol Proto, int Port, string State, string? Service)
{
    public bool IsOpen => State == "open";
}
