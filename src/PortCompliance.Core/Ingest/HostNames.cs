using System.Text;

namespace PortCompliance.Core.Ingest;

/// <summary>
/// Names a host from its input: <c># host: NAME</c>, else the file name without listing extensions. Reads the other
/// lines a collection script may put at the top too: <c># os: NAME</c>, <c># captured: TIME</c>.
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

    private const string CapturedDirective = "# captured:";

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
    /// Reads a <c># captured: 2026-11-30T02:00:00Z</c> line: when the listing was taken, ISO 8601 with <c>Z</c> or an
    /// offset (<c>+01:00</c>); <paramref name="at"/> is null when the line is one but holds no such time.
    /// </summary>
    public static bool TryReadCapturedDirective(ReadOnlySpan<char> line, out DateTimeOffset? at)
    {
        var text = line.Trim();
        at = null;
        if (!text.StartsWith(CapturedDirective, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var value = text[CapturedDirective.Length..].Trim();
        // An offset is required: a time without one would mean a different instant on every machine that reads it.
        var hasOffset = value.Length > 0 && (value[^1] is 'Z' or 'z' || (value.Length > 6 && value[^6] is '+' or '-' && value[^3] == ':'));
        if (hasOffset && DateTimeOffset.TryParseExact(value, CapturedFormats, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            at = parsed;
        }

        return true;
    }

    private static readonly string[] CapturedFormats =
        ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];

    /// <summary>A line a collection script puts at the top about the listing, before or after <c># host:</c>.</summary>
    private static bool IsHeaderComment(ReadOnlySpan<char> line) => TryReadOsDirective(line, out _) || TryReadCapturedDirective(line, out _);

    /// <summary>
    /// The name a listing declares on its first non-blank line past any <c># os:</c> or <c># captured:</c> line (<c># host: NAME</c>, where
    /// <see cref="ListingReader"/> takes it from), or null; reads no further than that line.
    /// </summary>
    public static string? Declared(Stream listing)
    {
        using var reader = new StreamReader(listing, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1024);
        var lines = new LineSplitter(reader, 256);
        while (lines.TryReadLine(out var line))
        {
            if (!line.IsWhiteSpace() && !IsHeaderComment(line))
            {
                return TryReadDirective(line, out var host) ? host : null;
            }
        }

        return null;
    }
}
