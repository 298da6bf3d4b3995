using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PortCompliance.Core.Model;

/// <summary><c>results.json</c>: the whole audit, in a stable field order; a later run reads it back as a baseline.</summary>
public static class ResultsJson
{
    private static readonly ResultsJsonContext Context = new(new JsonSerializerOptions(ResultsJsonContext.Default.Options)
    {
        // Relaxed: config lines keep their quotes readable ('localhost'); HTML output escapes on its own.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    });

    public static void Write(Stream stream, AuditResult result)
    {
        JsonSerializer.Serialize(stream, result, Context.AuditResult);
        stream.WriteByte((byte)'\n');
    }

    public static string Serialize(AuditResult result) => JsonSerializer.Serialize(result, Context.AuditResult) + "\n";
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    IndentSize = 2)]
[JsonSerializable(typeof(AuditResult))]
internal sealed partial class ResultsJsonContext : JsonSerializerContext;
