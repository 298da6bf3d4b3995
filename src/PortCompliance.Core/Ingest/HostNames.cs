namespace PortCompliance.Core.Ingest;

/// <summary>Names a host from its input: <c># host: NAME</c>, else the file name without listing extensions.</summary>
public static class HostNames
{
    private static readonly HashSet<string> ListingExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".txt", ".text", ".log", ".out", ".lst", ".list", ".md", ".ss", ".netstat", ".xml", ".nmap",
    };

    private const string Directive = "# host:";

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
}
