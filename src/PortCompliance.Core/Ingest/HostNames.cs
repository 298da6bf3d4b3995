using System.Text;

namespace PortCompliance.Core.Ingest;

/// <summary>
/// Names a host from its input: <c># host: NAME</c>, else the file name without listing extensions. Reads the other
/// line a collection script may put at the top too: <c># os: NAME</c>.
/// </summary>
public static class HostNames
{
    private static readonly HashSet<string> ListingExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".txt", ".text", ".log", ".out", ".lst", ".list", ".md", ".ss", ".netstat", ".xml", ".nmap",
        ".csv", ".tasklist", // web01.tasklist.csv names the host of web01.netstat.txt: its pids get their names
    };

    private const string Directive = "# host:";

    private const string OsDirective = "# os:";

    /// <summary><c>web01.ss.txt</c> → <c>web01</c>; <c>db1.example.com.txt</c> → <c>db1.example.com</c>.</summary>
    public static string FromPath(string path)
    {
        var name = Path.GetFileName(path);
        while (ListingExtensions.Contains(Path.GetExtension(name)) && Path.GetFileNameWithoutExtension(name).Length > 0)
        {
            name = Path.GetFileNameWithoutExtension(name);
        }

        return name;
    }

    /// <summary>Reads the name from a <c># host: NAME</c> line, if this is one.</summary>
    public static bool TryReadDirective(ReadOnlySpan<char> line, out string host)
    {
        var text = line.Trim();
        host = "";
        if (!text.StartsWith(Directive, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        host = text[Directive.Length..].Trim().ToString();
        return host.Length > 0;
    }

    /// <summary>
    /// Reads a <c># os: NAME</c> line (<c>linux</c>, <c>windows</c>, <c>macos</c>, <c>freebsd</c>, <c>openbsd</c>, any
    /// case); <paramref name="os"/> is null when the line is one but names no OS we know.
    /// </summary>
    public static bool TryReadOsDirective(ReadOnlySpan<char> line, out Model.HostOs? os)
    {
        var text = line.Trim();
        os = null;
        if (!text.StartsWith(OsDirective, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var name = text[OsDirective.Length..].Trim().ToString().ToLowerInvariant();
        os = name switch
        {
            "darwin" or "mac" or "osx" or "os x" => Model.HostOs.MacOs,
            _ when Model.Names.TryParse<Model.HostOs>(name, out var known) && known != Model.HostOs.Unknown => known,
            _ => null,
        };
        return true;
    }

    /// <summary>
    /// The name a listing declares on its first non-blank line past any <c># os:</c> line (<c># host: NAME</c>, where
    /// <see cref="ListingReader"/> takes it from), or null; reads no further than that line.
    /// </summary>
    public static string? Declared(Stream listing)
    {
        using var reader = new StreamReader(listing, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1024);
        var lines = new LineSplitter(reader, 256);
        while (lines.TryReadLine(out var line))
        {
            if (!line.IsWhiteSpace() && !TryReadOsDirective(line, out _))
            {
                return TryReadDirective(line, out var host) ? host : null;
            }
        }

        return null;
    }
}
