using PortCompliance.Reporting.Model;
using System.Text;
using CsvHelper;
using PortCompliance.Core.Model;

namespace PortCompliance.Reporting.Csv;

/// <summary>
/// <c>findings.csv</c> (one row per finding) and <c>sockets.csv</c> (every listening socket with its status), for
/// spreadsheets. A cell a spreadsheet would run as a formula (<c>=HYPERLINK(…)</c>, <c>+cmd</c>, <c>@SUM</c>) is escaped;
/// controls and bidi overrides are shown as <c>\x1b</c>, <c>\u202E</c>. Cells keep their full length.
/// </summary>
internal sealed class CsvRenderer : IStreamingRenderer
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
        "waiver_expires", "service", "controls", "evidence_source", "evidence_line", "evidence_text", "os",
    ];

    private static readonly string[] SocketColumns =
        ["host", "proto", "endpoint", "port", "scope", "processes", "status", "findings", "source", "line", "exposure", "os"];

    private static readonly string[] DriftColumns = ["host", "change", "what", "before", "now"];

    public string Key => "csv";
    public string Description => "findings.csv and sockets.csv (and drift.csv with --baseline), for spreadsheets";
    public bool InDefaultSet => true;
    public FleetOutput FleetOutput => FleetOutput.Streamed;
    public IReadOnlyList<string> Files => ["findings.csv", "sockets.csv", "drift.csv"];

    public void Render(ReportModel model, Func<string, Stream> open) => ReportOutput.RenderWhole(this, model, open);

    public IReportRun Start(AuditResult run, ReportOutput output) => new Run(output);

    private static CsvWriter Writer(Stream stream, string[] header)
    {
        var csv = CsvWriter.Create(new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)), Options, false);
        csv.WriteHeader(header);
        return csv;
    }

    /// <summary>A row with every control and bidi override in it written out (<see cref="VisibleText"/>), so a cell reads as what it holds.</summary>
    private static void Write(CsvWriter csv, string[] row) => csv.WriteRecord([.. row.Select(cell => VisibleText.Escape(cell, VisibleText.Layout))]);

    /// <summary>Rows are written as hosts come; drift.csv, known only at the end, is written whole.</summary>
    private sealed class Run(ReportOutput output) : IReportRun
    {
        private readonly CsvWriter _findings = Writer(output.Open("findings.csv"), FindingColumns);
        private readonly CsvWriter _sockets = Writer(output.Open("sockets.csv"), SocketColumns);

        public void Add(HostResult host, HostView view)
        {
            foreach (var (f, finding) in host.Findings.Zip(view.Findings))
            {
                Write(_findings,
                [
                    finding.Id, f.Host, f.Rule, finding.Severity, f.Proto?.ToString().ToLowerInvariant() ?? "", f.Address ?? "",
                    f.Port?.ToString() ?? "", finding.Processes, f.Message,
                    string.Join("\n", f.Remediation.Select(s => s.Code is null ? s.Text : $"{s.Text}\n{s.Code}")),
                    f.Waived ? "yes" : "no", f.Waiver?.Ticket ?? "", f.Waiver?.Expires.ToString("yyyy-MM-dd") ?? "", f.Service ?? "",
                    string.Join("; ", f.Controls), f.Evidence?.Source ?? "", f.Evidence?.Line.ToString() ?? "", f.Evidence?.Text ?? "",
                    host.Os.Name(),
                ]);
            }

            foreach (var s in view.Sockets)
            {
                Write(_sockets,
                [
                    view.Host, s.Proto, s.Endpoint, s.Port.ToString(), s.Scope, s.Processes, s.Status, string.Join(" ", s.FindingIds),
                    view.Source, s.Line.ToString(), s.Exposure ?? "", host.Os.Name(),
                ]);
            }
        }

        public void Finish(ReportModel model)
        {
            Dispose();
            if (model.Drift is not { } drift)
            {
                return;
            }

            using var csv = Writer(output.Open("drift.csv"), DriftColumns);
            foreach (var row in drift.Changes.Select(c => new[] { c.Host, c.Change, c.What, c.Before ?? "", c.After ?? "" })
                         .Concat(drift.NewHosts.Select(h => new[] { h, "new host", "", "", "" }))
                         .Concat(drift.Disappeared.Select(h => new[] { h, "host gone", "", "", "" })))
            {
                Write(csv, row);
            }
        }

        public void Dispose()
        {
            _findings.Dispose();
            _sockets.Dispose();
        }
    }
}
