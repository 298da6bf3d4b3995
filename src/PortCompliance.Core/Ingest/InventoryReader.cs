using CsvHelper;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Ingest;

/// <summary>Reads <c>--inventory hosts.csv</c> (columns <c>host,tags,owner,environment,pattern</c>); every bad row is named by its line.</summary>
public static class InventoryReader
{
    private static readonly string[] Columns = ["host", "tags", "owner", "environment", "pattern"];

    public static (Inventory? Inventory, IReadOnlyList<Diagnostic> Diagnostics) Read(string path)
    {
        var diagnostics = new List<Diagnostic>();
        var hosts = new List<InventoryHost>();
        try
        {
            using var csv = CsvReader.Create(new StreamReader(path), new CsvReaderOptions { TrackLineNumbers = true }, false);
            if (!csv.Read())
            {
                return (null, [Error(path, 1, "the inventory is empty; it needs a header row: host,tags,owner,environment,pattern")]);
            }

            var header = csv.Headers;
            if (!header.Contains("host"))
            {
                return (null, [Error(path, 1, $"the header row needs a 'host' column (columns: {string.Join(",", Columns)})")]);
            }

            foreach (var unknown in header.Where(h => !Columns.Contains(h)))
            {
                diagnostics.Add(new Diagnostic(path, 1, 0, DiagnosticSeverity.Warning, $"unknown column '{unknown}' is ignored"));
            }

            do
            {
                ReadRow(csv, header, path, hosts, diagnostics);
            }
            while (csv.Read());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [Error(path, 0, $"cannot read inventory: {e.Message}")]);
        }

        return (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? null : new Inventory(hosts), diagnostics);
    }

    private static void ReadRow(CsvReader csv, IReadOnlyList<string> header, string path, List<InventoryHost> hosts, List<Diagnostic> diagnostics)
    {
        var line = (int)csv.LineNumber;
        string? Field(string name) => header.Contains(name) && csv.GetStringOrNull(name) is { Length: > 0 } value ? value.Trim() : null;
        var host = Field("host");
        if (host is null)
        {
            diagnostics.Add(Error(path, line, "a row without a host name"));
            return;
        }

        if (hosts.FirstOrDefault(h => h.Host == host) is { } first)
        {
            diagnostics.Add(Error(path, line, $"host '{host}' is listed twice (first on line {first.Line})"));
            return;
        }

        var tags = (Field("tags") ?? "").Split([';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        hosts.Add(new InventoryHost(host, tags, Field("owner"), Field("environment"), Field("pattern"), line));
    }

    private static Diagnostic Error(string path, int line, string message) => new(path, line, 0, DiagnosticSeverity.Error, message);
}
