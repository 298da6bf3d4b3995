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

    /// <summary>
    /// Writes results.json host by host, for a fleet: each host goes to <paramref name="spool"/> as it is judged, and the
    /// file is assembled at the end — the same bytes <see cref="Write"/> gives for the whole run.
    /// </summary>
    public sealed class HostByHost(Stream target, Stream spool)
    {
        // The run's own "hosts" member: one level in, so two spaces; a host's lines sit two levels deeper.
        private static readonly byte[] EmptyHosts = "\n  \"hosts\": []"u8.ToArray();
        private static readonly byte[] HostIndent = "    "u8.ToArray();
        private int _hosts;

        public void Add(HostResult host)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(host, Context.HostResult).AsSpan();
            spool.Write(_hosts++ == 0 ? [] : ",\n"u8);
            while (json.Length > 0)
            {
                var end = json.IndexOf((byte)'\n');
                var line = end < 0 ? json : json[..(end + 1)];
                spool.Write(HostIndent);
                spool.Write(line);
                json = json[line.Length..];
            }
        }

        /// <summary>Writes the file: <paramref name="closing"/> is the run with its summary and no hosts.</summary>
        public void Finish(AuditResult closing)
        {
            var envelope = JsonSerializer.SerializeToUtf8Bytes(closing with { Hosts = [] }, Context.AuditResult).AsSpan();
            var at = envelope.IndexOf(EmptyHosts) + EmptyHosts.Length - 1;
            if (_hosts == 0 || at < EmptyHosts.Length - 1)
            {
                target.Write(envelope);
            }
            else
            {
                target.Write(envelope[..at]);
                target.Write("\n"u8);
                spool.Position = 0;
                spool.CopyTo(target);
                target.Write("\n  "u8);
                target.Write(envelope[at..]);
            }

            target.WriteByte((byte)'\n');
        }
    }

    public static string Serialize(AuditResult result) => JsonSerializer.Serialize(result, Context.AuditResult) + "\n";

    /// <summary>The largest baseline read: a results.json of a fleet of tens of thousands of hosts, not a device's endless bytes.</summary>
    public const long MaxBaselineBytes = 256L << 20;

    /// <summary>Reads a previous run's results.json (a baseline); a file that is not one is a diagnostic, not an exception.</summary>
    public static (AuditResult? Result, Diagnostic? Problem) Read(string path) => Read(path, out _);

    /// <summary>As <see cref="Read(string)"/>, and the SHA-256 of the file's bytes (null when it could not be read whole).</summary>
    public static (AuditResult? Result, Diagnostic? Problem) Read(string path, out string? sha256)
    {
        sha256 = null;
        try
        {
            if (RegularFiles.OpenRead(path, out var notAFile) is not { } file)
            {
                return (null, new Diagnostic(path, 0, 0, DiagnosticSeverity.Error, $"cannot read baseline: {notAFile}"));
            }

            using var stream = new CappedStream(file, MaxBaselineBytes, hash: true);
            AuditResult? result;
            try
            {
                result = JsonSerializer.Deserialize(stream, Context.AuditResult);
                stream.CopyTo(Stream.Null); // what follows the JSON (its newline) is hashed too
            }
            catch (JsonException) when (stream.Exceeded)
            {
                result = null;
            }

            if (stream.Exceeded)
            {
                return (null, new Diagnostic(path, 0, 0, DiagnosticSeverity.Error, $"cannot read baseline: larger than {RegularFiles.Size(MaxBaselineBytes)}"));
            }

            sha256 = stream.Sha256;
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

    /// <summary>
    /// Reads a results.json from a stream — a report folder's own, or the copy a PDF carries — capped as a baseline is,
    /// with the SHA-256 of every byte read; <paramref name="name"/> names it in the problem.
    /// </summary>
    public static (AuditResult? Result, Diagnostic? Problem) Read(Stream stream, string name, out string? sha256)
    {
        sha256 = null;
        var capped = new CappedStream(stream, MaxBaselineBytes, hash: true);
        try
        {
            var result = JsonSerializer.Deserialize(capped, Context.AuditResult);
            capped.CopyTo(Stream.Null);
            if (!capped.Exceeded)
            {
                sha256 = capped.Sha256;
            }

            return capped.Exceeded ? (null, new Diagnostic(name, 0, 0, DiagnosticSeverity.Error, $"larger than {RegularFiles.Size(MaxBaselineBytes)}"))
                : result is null ? (null, new Diagnostic(name, 0, 0, DiagnosticSeverity.Error, "an empty results.json"))
                : (result, null);
        }
        catch (JsonException) when (capped.Exceeded)
        {
            return (null, new Diagnostic(name, 0, 0, DiagnosticSeverity.Error, $"larger than {RegularFiles.Size(MaxBaselineBytes)}"));
        }
        catch (JsonException e)
        {
            return (null, new Diagnostic(name, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, DiagnosticSeverity.Error,
                $"not a PortCompliance results.json: {e.Message.Split(" Path:")[0]}"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new Diagnostic(name, 0, 0, DiagnosticSeverity.Error, $"cannot be read: {e.Message}"));
        }
    }

    /// <summary>One host's entry as results.json writes it: what a host report's own copy is compared by.</summary>
    public static byte[] SerializeHost(HostResult host) => JsonSerializer.SerializeToUtf8Bytes(host, Context.HostResult);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    IndentSize = 2)]
[JsonSerializable(typeof(AuditResult))]
internal sealed partial class ResultsJsonContext : JsonSerializerContext;
