using System.Text;
using CsvHelper;

namespace PortCompliance.Reporting.Csv;

/// <summary>
/// <c>findings.csv</c> (one row per finding) and <c>sockets.csv</c> (every listening socket with its status), for
/// spreadsheets. A cell a spreadsheet would run as a formula (<c>=HYPERLINK(…)</c>, <c>+cmd</c>, <c>@SUM</c>) is escaped.
/// </summary>
public sealed class CsvRenderer : IReportRenderer
{
    private static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        NewLine = "\n",
    };

    // Header rows are what scripts read: extend them at the end, never rename a column.
    private static readonly string[] FindingColumns =
    [
        "id", "host", "rule", "severity", "proto", "address", "port", "processes", "message", "remediation", "waived", "waiver",
        "waiver_expires", "service", "controls", "evidence_source", "evidence_line", "evidence_text",
    ];

    private static readonly string[] SocketColumns =
        ["host", "proto", "endpoint", "port", "scope", "processes", "status", "findings", "source", "line", "exposure"];

    public string Key => "csv";
    private static readonly string[] DriftColumns = ["host", "change", "what", "before", "now"];

    public string Description => "findings.csv and sockets.csv (and drift.csv with --baseline), for spreadsheets";
    public IReadOnlyList<string> Files => ["findings.csv", "sockets.csv", "drift.csv"];

    public void Render(ReportModel model, Func<string, Stream> open)
    {
        var findings = model.Result.Hosts.SelectMany(h => h.Findings).Zip(model.Hosts.SelectMany(h => h.Findings));
        Write(open("findings.csv"), FindingColumns, findings.Select(pair =>
        {
            var (f, view) = pair;
            return new[]
            {
                view.Id, f.Host, f.Rule, view.Severity, f.Proto?.ToString().ToLowerInvariant() ?? "", f.Address ?? "",
                f.Port?.ToString() ?? "", view.Processes, f.Message,
                string.Join("\n", f.Remediation.Select(s => s.Code is null ? s.Text : $"{s.Text}\n{s.Code}")),
                f.Waived ? "yes" : "no", f.Waiver?.Ticket ?? "", f.Waiver?.Expires.ToString("yyyy-MM-dd") ?? "", f.Service ?? "",
                string.Join("; ", f.Controls), f.Evidence?.Source ?? "", f.Evidence?.Line.ToString() ?? "", f.Evidence?.Text ?? "",
            };
        }));
        Write(open("sockets.csv"), SocketColumns, model.Hosts.SelectMany(h => h.Sockets.Select(s => new[]
        {
            h.Host, s.Proto, s.Endpoint, s.Port.ToString(), s.Scope, s.Processes, s.Status, string.Join(" ", s.FindingIds), h.Source,
            s.Line.ToString(), s.Exposure ?? "",
        })));
        if (model.Drift is { } drift)
        {
            Write(open("drift.csv"), DriftColumns, drift.Changes.Select(c => new[] { c.Host, c.Change, c.What, c.Before ?? "", c.After ?? "" })
                .Concat(drift.NewHosts.Select(h => new[] { h, "new host", "", "", "" }))
                .Concat(drift.Disappeared.Select(h => new[] { h, "host gone", "", "", "" })));
        }
    }

    private static void Write(Stream stream, string[] header, IEnumerable<string[]> rows)
    {
        using var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        using var csv = CsvWriter.Create(text, Options, false);
        csv.WriteHeader(header);
        foreach (var row in rows)
        {
            csv.WriteRecord(row);
        }
    }
}
