using CsvHelper;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>Reads <c>--inventory hosts.csv</c> (columns <c>host,tags,owner,environment,pattern,os</c>); every bad row is named by its line.</summary>
public static class InventoryReader
{
    /// <summary>The largest inventory read: about a million hosts, never a device's endless bytes.</summary>
    public const long MaxBytes = 64L << 20;

    private static readonly string[] Columns = ["host", "tags", "owner", "environment", "pattern", "os"];

    public static (Inventory? Inventory, IReadOnlyList<Diagnostic> Diagnostics) Read(string path)
    {
        var diagnostics = new List<Diagnostic>();
        var hosts = new List<InventoryHost>();
        string? sha256 = null;
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            if (RegularFiles.ReadAll(path, MaxBytes, "the inventory", out var problem) is not { } bytes)
            {
                return (null, [Error(path, 0, $"cannot read inventory: {problem}")]);
            }

            sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

            // A quote left open must not swallow the rows after it: every line break ends a record, and a record
            // with broken quoting is an error on its line, never read as something else.
            var options = new CsvReaderOptions
            {
                TrackLineNumbers = true,
                AllowLineBreaksInQuotes = false,
                OnMalformedRecord = bad => diagnostics.Add(Error(path, (int)bad.LineNumber, Malformed(bad.Reason))),
            };
            using var csv = CsvReader.Create(bytes, options);
            if (!csv.Read())
            {
                return (null, [.. diagnostics, Error(path, 1, "the inventory is empty; it needs a header row: host,tags,owner,environment,pattern")]);
            }

            var header = csv.Headers;
            if (!header.Contains("host"))
            {
                return (null, [.. diagnostics, Error(path, 1, $"the header row needs a 'host' column (columns: {string.Join(",", Columns)})")]);
            }

            foreach (var unknown in header.Where(h => !Columns.Contains(h)))
            {
                diagnostics.Add(new Diagnostic(path, 1, 0, DiagnosticSeverity.Warning, $"unknown column '{unknown}' is ignored"));
            }

            do
            {
                ReadRow(csv, header, path, hosts, lines, diagnostics);
            }
            while (csv.Read());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [Error(path, 0, $"cannot read inventory: {e.Message}")]);
        }

        var ordered = diagnostics.OrderBy(d => d.Line).ToList();
        return (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? null : new Inventory(hosts) { File = new EvidenceFileRef(path, sha256!) }, ordered);
    }

    private static void ReadRow(
        CsvReader csv, IReadOnlyList<string> header, string path, List<InventoryHost> hosts, Dictionary<string, int> lines, List<Diagnostic> diagnostics)
    {
        var line = (int)csv.LineNumber;
        string? Field(string name) => header.Contains(name) && csv.GetStringOrNull(name) is { Length: > 0 } value ? value.Trim() : null;
        var host = Field("host");
        if (host is null)
        {
            diagnostics.Add(Error(path, line, "a row without a host name"));
            return;
        }

        if (!lines.TryAdd(host, line))
        {
            diagnostics.Add(Error(path, line, $"host '{host}' is listed twice (first on line {lines[host]})"));
            return;
        }

        HostOs? os = null;
        if (Field("os") is { } osName)
        {
            if (!Names.TryParse<HostOs>(osName.ToLowerInvariant(), out var known) || known == HostOs.Unknown)
            {
                diagnostics.Add(Error(path, line, $"host '{host}': unknown os '{osName}' (one of: {string.Join(", ", Names.All<HostOs>().Skip(1))}, or leave it empty)"));
                return;
            }

            os = known;
        }

        var tags = (Field("tags") ?? "").Split([';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        hosts.Add(new InventoryHost(host, tags, Field("owner"), Field("environment"), Field("pattern"), line) { Os = os });
    }

    private static string Malformed(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a stray quote (\") inside a field: quote the whole field and double each quote in it (\"a \"\"b\"\" c\")",
        CsvMalformedReason.TextAfterClosingQuote => "text after a field's closing quote: quote the whole field and double each quote in it",
        CsvMalformedReason.UnterminatedQuote or CsvMalformedReason.LineBreakInQuotes =>
            "a quoted field is not closed on its line: add the closing quote (a row may not span lines)",
        _ => $"the row cannot be read as CSV ({reason})",
    };

    private static Diagnostic Error(string path, int line, string message) => new(path, line, 0, DiagnosticSeverity.Error, message);
}
