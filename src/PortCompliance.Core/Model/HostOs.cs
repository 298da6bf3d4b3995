using System.Text.Json.Serialization;

namespace PortCompliance.Core.Model;

/// <summary>
/// The operating system a host runs: from its listing's format and tell-tales, a <c># os: NAME</c> line, or the
/// inventory's <c>os</c> column. Remediation is written in this OS's own commands.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<HostOs>))]
public enum HostOs
{
    [JsonStringEnumMemberName("unknown")] Unknown,
    [JsonStringEnumMemberName("linux")] Linux,
    [JsonStringEnumMemberName("windows")] Windows,
    [JsonStringEnumMemberName("macos")] MacOs,
    [JsonStringEnumMemberName("freebsd")] FreeBsd,
    [JsonStringEnumMemberName("openbsd")] OpenBsd,
}
