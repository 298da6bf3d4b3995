using System.Text.Encodings.Web;
using System.Text.Json;

namespace PortCompliance.Core.Model;

/// <summary>
/// Writes the <c>{"hosts": [...]}</c> document that <c>parse</c> and <c>scan</c> print (docs/design.md): snake_case, fields in
/// contract order, LF newlines. Written field by field with <see cref="Utf8JsonWriter"/> rather than by the serializer,
/// whose one-time set-up costs a live scan more than the whole socket walk; the golden files pin every byte.
/// </summary>
public static class SnapshotJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Relaxed: config lines and names keep their quotes readable; HTML output escapes on its own.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(IReadOnlyList<HostSnapshot> hosts)
    {
        using var buffer = new MemoryStream();
        Write(buffer, hosts);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static void Write(Stream stream, IReadOnlyList<HostSnapshot> hosts)
    {
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("hosts");
            foreach (var host in hosts)
            {
                WriteHost(json, host);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    private static void WriteHost(Utf8JsonWriter json, HostSnapshot host)
    {
        json.WriteStartObject();
        json.WriteString("host", host.Host);
        json.WriteString("format", host.Format);
        json.WriteString("os", host.Os.Name());
        json.WriteString("source", host.Source);
        json.WriteString("sha256", host.Sha256);
        json.WriteStartArray("sockets");
        foreach (var socket in host.Sockets)
        {
            WriteSocket(json, socket);
        }

        json.WriteEndArray();
        json.WriteStartArray("skipped");
        foreach (var skipped in host.Skipped)
        {
            json.WriteStartObject();
            json.WriteNumber("line", skipped.Line);
            json.WriteString("reason", skipped.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("unparsed");
        foreach (var unparsed in host.Unparsed)
        {
            json.WriteStartObject();
            json.WriteNumber("line", unparsed.Line);
            json.WriteString("text", unparsed.Text);
            json.WriteString("reason", unparsed.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSocket(Utf8JsonWriter json, ListeningSocket s)
    {
        json.WriteStartObject();
        json.WriteString("proto", s.Proto.Name());
        json.WriteString("family", s.Family switch { IpFamily.IPv4 => "ipv4", IpFamily.IPv6 => "ipv6", _ => "any" });
        json.WriteString("address", s.Address);
        json.WriteNumber("port", s.Port);
        WriteIfAny(json, "port_name", s.PortName);
        if (s.Truncated)
        {
            json.WriteBoolean("truncated", true);
        }

        json.WriteString("interface", s.Interface);
        json.WriteString("scope", s.Scope switch { BindScope.Wildcard => "wildcard", BindScope.Loopback => "loopback", _ => "specific" });
        json.WriteStartArray("processes");
        foreach (var process in s.Processes)
        {
            json.WriteStartObject();
            json.WriteString("name", process.Name);
            if (process.Pid is { } pid)
            {
                json.WriteNumber("pid", pid);
            }
            else
            {
                json.WriteNull("pid");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteIfAny(json, "namespace", s.Namespace);
        WriteIfAny(json, "container", s.Container);
        WriteIfAny(json, "exposure", s.Exposure);
        json.WriteNumber("line", s.Line);
        json.WriteEndObject();
    }

    private static void WriteIfAny(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
