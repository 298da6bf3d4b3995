using System.Text.Json.Serialization;

namespace PortCompliance.Core.Model;

/// <summary>How bad a finding is; ordered so that a higher value is worse.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    [JsonStringEnumMemberName("info")] Info,
    [JsonStringEnumMemberName("low")] Low,
    [JsonStringEnumMemberName("medium")] Medium,
    [JsonStringEnumMemberName("high")] High,
    [JsonStringEnumMemberName("critical")] Critical,
}

public static class Severities
{
    /// <summary>Worst first, as reports list them.</summary>
    public static IReadOnlyList<Severity> WorstFirst { get; } = [Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Info];

    public static bool TryParse(string text, out Severity severity) => Names.TryParse(text, out severity);
}
