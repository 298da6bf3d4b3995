using System.Text.Json.Serialization;

namespace PortCompliance.Core.Model;

/// <summary>What a run (or one host's report) says as a whole: nothing at or above the failure threshold is open, or something is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Verdict>))]
public enum Verdict
{
    [JsonStringEnumMemberName("pass")] Pass,
    [JsonStringEnumMemberName("fail")] Fail,
}
