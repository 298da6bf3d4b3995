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

    /// <summary>Reads a previous run's results.json (a baseline); a file that is not one is a diagnostic, not an exception.</summary>
    public static (AuditResult? Result, Diagnostic? Problem) Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var result = JsonSerializer.Deserialize(stream, Context.AuditResult);
            return result is null
                ? (null, new Diagnostic(path, 0, 0, DiagnosticSeverity.Error, "empty baseline"))
                : (result, null);
        }
        catch (JsonException e)
        {
            return (null, new Diagnostic(path, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, DiagnosticSeverity.Error,
                $"not a PortCompliance results.json: {e.Message.Split(" Path:")[0]}"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new Diagnostic(path, 0, 0, DiagnosticSeverity.Error, $"cannot read baseline: {e.Message}"));
        }
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    IndentSize = 2)]
[JsonSerializable(typeof(AuditResult))]
internal sealed partial class ResultsJsonContext : JsonSerializerContext;
