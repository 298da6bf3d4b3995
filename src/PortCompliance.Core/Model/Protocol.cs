using System.Text.Json.Serialization;

namespace PortCompliance.Core.Model;

/// <summary>Transport protocol of a listening socket.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Protocol>))]
public enum Protocol
{
    [JsonStringEnumMemberName("tcp")] Tcp,
    [JsonStringEnumMemberName("udp")] Udp,
}
