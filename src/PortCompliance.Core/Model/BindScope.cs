using System.Text.Json.Serialization;

namespace PortCompliance.Core.Model;

/// <summary>Who can reach a socket, judged from its bind address and device alone.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BindScope>))]
public enum BindScope
{
    /// <summary>0.0.0.0, ::, or * — every interface.</summary>
    [JsonStringEnumMemberName("wildcard")] Wildcard,

    /// <summary>127.0.0.0/8, ::1, ::ffff:127.x, localhost, or bound to the lo device.</summary>
    [JsonStringEnumMemberName("loopback")] Loopback,

    /// <summary>Any other single address.</summary>
    [JsonStringEnumMemberName("specific")] Specific,
}
