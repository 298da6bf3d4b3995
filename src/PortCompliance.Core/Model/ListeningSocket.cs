using System.Text.Json.Serialization;

namespace PortCompliance.Core.Model;

/// <summary>One listening TCP socket or bound UDP socket, normalized from any input format.</summary>
public sealed record ListeningSocket
{
    public required Protocol Proto { get; init; }
    public required IpFamily Family { get; init; }

    /// <summary>As the listing shows it: IPv6 without brackets, <c>*</c> for the star, host names kept.</summary>
    public required string Address { get; init; }

    public required int Port { get; init; }

    /// <summary>
    /// The tool cut the address short (macOS <c>netstat</c> without <c>-W</c>, PowerShell's <c>…</c>): it is kept as
    /// shown, never repaired, and the audit says so.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Truncated { get; init; }

    /// <summary>The service name the listing printed instead of a number (<c>*:ssh</c>), else null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PortName { get; init; }

    /// <summary>The <c>%iface</c> suffix, else null.</summary>
    public required string? Interface { get; init; }

    public required BindScope Scope { get; init; }
    public required IReadOnlyList<SocketProcess> Processes { get; init; }

    /// <summary>The network namespace, when not the host's own (<c>ip netns</c> name or <c>net:[inode]</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Namespace { get; init; }

    /// <summary>The container whose namespace it is, when a cgroup names one (<c>docker:3f2a…</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Container { get; init; }

    /// <summary>
    /// What an outside scan of the host saw on this port: <c>reachable</c>, <c>filtered</c> (probed, not open: a
    /// firewall), <c>not-scanned</c>; null when no scan of the host was given.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Exposure { get; init; }

    /// <summary>The input this socket was read from, when its host was merged from several; null: the host's source.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Source { get; init; }

    /// <summary>1-based line of the socket's row in its source.</summary>
    public required int Line { get; init; }

    /// <summary>Last line that belongs to this socket (continuation lines such as <c>ss -i</c> details).</summary>
    [JsonIgnore]
    public int LastLine { get; init; }

    /// <summary>The row as read, less its trailing padding: the evidence a finding rests on.</summary>
    [JsonIgnore]
    public string Text { get; init; } = "";
}
