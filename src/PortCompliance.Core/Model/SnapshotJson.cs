using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PortCompliance.Core.Model;

/// <summary>The <c>{"hosts": [...]}</c> document that <c>parse</c> and <c>scan</c> print (DESIGN.md).</summary>
public sealed record SnapshotDocument(IReadOnlyList<HostSnapshot> Hosts);

/// <summary>Writes and reads the normalized-socket JSON: snake_case, fields in contract order, LF newlines.</summary>
public static class SnapshotJson
{
    private static readonly SnapshotJsonContext Context = new(new JsonSerializerOptions(SnapshotJsonContext.Default.Options)
    {
        // Relaxed: config lines keep their quotes readable ('localhost'); HTML output escapes on its own.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    });

    public static string Serialize(IReadOnlyList<HostSnapshot> hosts) =>
        JsonSerializer.Serialize(new SnapshotDocument(hosts), Context.SnapshotDocument) + "\n";

    public static void Write(Stream stream, IReadOnlyList<HostSnapshot> hosts)
    {
        JsonSerializer.Serialize(stream, new SnapshotDocument(hosts), Context.SnapshotDocument);
        stream.WriteByte((byte)'\n');
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    IndentSize = 2)]
[JsonSerializable(typeof(SnapshotDocument))]
internal sealed partial class SnapshotJsonContext : JsonSerializerContext;
