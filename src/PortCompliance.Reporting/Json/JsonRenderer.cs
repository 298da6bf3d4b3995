using PortCompliance.Core.Model;
using PortCompliance.Reporting.Model;

namespace PortCompliance.Reporting.Json;

/// <summary><c>results.json</c>: the whole audit, as docs/design.md specifies it; a later run reads it as a baseline.</summary>
internal sealed class JsonRenderer : IStreamingRenderer
{
    public string Key => "json";
    public string Description => "results.json: every host, socket and finding, for scripts and as next month's baseline";
    public bool InDefaultSet => true;
    public FleetOutput FleetOutput => FleetOutput.Streamed;
    public IReadOnlyList<string> Files => ["results.json"];

    public void Render(ReportModel model, Func<string, Stream> open) => ReportOutput.RenderWhole(this, model, open);

    public IReportRun Start(AuditResult run, ReportOutput output) => new Run(output);

    /// <summary>Hosts are spooled, because the summary comes before them in the file and is known only at the end.</summary>
    private sealed class Run(ReportOutput output) : IReportRun
    {
        private readonly Stream _spool = output.Scratch();
        private ResultsJson.HostByHost? _writer;
        private Stream? _target;

        public void Add(HostResult host, HostView view) => Writer().Add(host);

        public void Finish(ReportModel model) => Writer().Finish(model.Result with { Hosts = [] });

        private ResultsJson.HostByHost Writer() => _writer ??= new ResultsJson.HostByHost(_target = output.Open("results.json"), _spool);

        public void Dispose()
        {
            _spool.Dispose();
            _target?.Dispose();
        }
    }
}
