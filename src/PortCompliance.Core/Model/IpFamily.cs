using System.Text.Json.Serialization;

namespace PortCompliance.Core.Model;

/// <summary>Address family; <see cref="Any"/> is the dual-stack or ambiguous <c>*</c> bind.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IpFamily>))]
public enum IpFamily
{
    [JsonStringEnumMemberName("ipv4")] IPv4,
    [JsonStringEnumMemberName("ipv6")] IPv6,
    [JsonStringEnumMemberName("any")] Any,
}
