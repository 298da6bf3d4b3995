using System.Text.Json.Serialization;

namespace PortCompliance.Core.Model;

/// <summary>A line that was read and understood but is not a listener (an ESTAB row, a unix socket).</summary>
public sealed record SkippedLine(int Line, string Reason)
{
    /// <summary>The input the line is in, when its host was merged from several; null: the host's source.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Source { get; init; }
}

/// <summary>A line that could not be read. It may hide an open port, so it is never dropped.</summary>
public sealed record UnparsedLine(int Line, string Text, string Reason)
{
    /// <summary>The input the line is in, when its host was merged from several; null: the host's source.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Source { get; init; }
}
