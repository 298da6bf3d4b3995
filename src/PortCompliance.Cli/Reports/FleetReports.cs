using PortCompliance.Core.Audit;
using PortCompliance.Core.Model;
using PortCompliance.Reporting;
using PortCompliance.Reporting.Model;

namespace PortCompliance.Cli.Reports;

/// <summary>
/// A fleet's reports, as the audit run streams its hosts: each host's own PDF and HTML are written on the core that
/// judged it; results.json, the CSVs and JUnit take the hosts one at a time in report order; only the summary's rows
/// stay behind, and the summary reports come last. A report that fails is named and the others go on. Host reports
/// are staged beside the folder's <c>hosts/</c> and replace it whole at the end, so it never mixes two runs.
/// </summary>
internal sealed class FleetReports : IAuditSink<FleetReports.HostReports>
{
    private readonly IReadOnlyList<IReportRenderer> _documents;
    private readonly List<OpenStream> _streams;
    private readonly IReadOnlyList<string> _anchors;
    private readonly ReportOptions _options;
    private readonly string _folder;
    private readonly CliConsole _console;
    private readonly Lock _gate = new();
    private readonly List<string> _hostFiles = [];
    private AuditResult? _run;
    private FleetSummary? _fleet;
    private bool _ok = true;

    private FleetReports(AuditRequest request, IReadOnlyList<IReportRenderer> renderers, ReportOptions options, string folder, CliConsole console)
    {
        _documents = [.. renderers.Where(r => r.FleetOutput == FleetOutput.PerHost)];
        _streams = [.. renderers.Where(r => r.FleetOutput == FleetOutput.Streamed).Cast<IStreamingRenderer>().Select(r => new OpenStream(r, new AtomicFiles(folder)))];
        _anchors = ReportModelBuilder.FleetAnchors(request.Hosts.Select(h => h.Host));
        (_options, _folder, _console) = (options, folder, console);
    }

    /// <summary>The summary model and files, once <see cref="Finish"/> has run.</summary>
    private ReportsWritten? Written { get; set; }

    public static ReportsWritten Write(
        AuditRequest request, IReadOnlyList<IReportRenderer> renderers, ReportOptions options, string folder, CliConsole console)
    {
        var sink = new FleetReports(request, renderers, options, folder, console);
        Progress.Run("auditing hosts", request.Hosts.Count, console, done => AuditRun.Run(request, sink, new ConsoleObserver(console, done)));
        var written = sink.Written!;
        AuditSummaryWriter.Write(written.Result, written.Model!, written.Files, console.Out);
        if (sink._documents.Count > 0)
        {
            // Only formats with a report a host (pdf, html) make hosts/; a json or oscal run has none to tell of.
            console.Out.WriteLine($"Wrote {sink._hostFiles.Count} host reports in {Path.Combine(folder, "hosts")}");
        }
        return written;
    }

    public void Start(AuditResult run)
    {
        (_run, _fleet) = (run, new FleetSummary(run));
        foreach (var stream in _streams)
        {
            Guard(stream, s => s.Run = s.Renderer.Start(run, new ReportOutput(s.Files.Open, s.Files.Scratch)));
        }
    }

    /// <summary>A host's own report model, and its PDF and HTML written — on whichever core judged it.</summary>
    public HostReports Prepare(HostAudit host)
    {
        var own = ReportModelBuilder.ForHost(_run!, host, _anchors[host.Index], _options);
        return new HostReports(own, WriteHostReports(own), [.. _streams.Select(s => Ahead(s, host.Result, own.Hosts[0]))]);
    }

    public void Add(HostAudit host, HostReports reports)
    {
        _fleet!.Add(host, reports.Own);
        _hostFiles.AddRange(reports.Files);
        for (var i = 0; i < _streams.Count; i++)
        {
            var prepared = reports.Prepared[i];
            Guard(_streams[i], s => s.Run!.Add(host.Result, reports.Own.Hosts[0], prepared is Exception failed ? throw failed : prepared));
        }
    }

    public void Finish(AuditResult closing)
    {
        var model = ReportModelBuilder.ForFleet(closing, _fleet!, _options);
        // Each streamed format finishes on a core of its own: splicing, hashing and flushing its file is its own work,
        // so the largest (results.json, the OSCAL document) take the time of one, not of all in a row.
        var committed = new IReadOnlyList<string>[_streams.Count];
        Parallel.For(0, _streams.Count, i =>
        {
            Guard(_streams[i], s =>
            {
                s.Run!.Finish(model);
                s.Run.Dispose();
                committed[i] = s.Files.Commit();
            });
            _streams[i].Files.Dispose();
        });
        var written = committed.SelectMany(files => files ?? []).ToList();

        var (summaries, allSummaries) = ReportWriter.Write(model, _documents, _folder, _console);
        if (_documents.Count > 0)
        {
            // This run's host reports replace the last run's as one folder, beside this run's summaries.
            Leftovers.Publish(_folder);
        }
        else
        {
            Leftovers.Retire(_folder); // no host reports this run: the last run's must not sit beside its results
        }

        Written = new ReportsWritten(closing, model, [.. summaries, .. written], _ok && allSummaries)
        {
            HostFiles = _documents.Count > 0 ? [.. _hostFiles.Select(Published)] : [],
        };
    }

    /// <summary>Where a staged host report is once published, its hash carried along.</summary>
    private string Published(string staged)
    {
        var published = Path.Combine(_folder, "hosts", Path.GetFileName(staged));
        AtomicFiles.Moved(staged, published);
        return published;
    }

    /// <summary>A host's own PDF and HTML, committed together, named by its anchor; a failure is named and the fleet goes on.</summary>
    private IReadOnlyList<string> WriteHostReports(ReportModel own)
    {
        var written = new List<string>();
        var anchor = own.Hosts[0].Anchor;
        foreach (var renderer in _documents)
        {
            using var output = new AtomicFiles(Leftovers.Staging(_folder), flushEach: false); // published whole, flushed whole
            try
            {
                renderer.Render(own, name => output.Open(FleetSummary.HostReport(anchor, Path.GetExtension(name))));
                written.AddRange(output.Commit());
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Fail($"the {renderer.Key} report of host {own.Hosts[0].Host} could not be written: {e.Message}");
            }
        }

        return written;
    }

    /// <summary>A streaming format's part of a host made ahead on this core; a failure is kept for <see cref="Add"/> to name.</summary>
    private static object? Ahead(OpenStream stream, HostResult host, HostView view)
    {
        try
        {
            return stream.Run is { } run && !stream.Failed ? run.Prepare(host, view) : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return e;
        }
    }

    /// <summary>Runs a step of a streaming format; one that fails is named, dropped, and the other formats go on.</summary>
    private void Guard(OpenStream stream, Action<OpenStream> step)
    {
        if (stream.Failed)
        {
            return;
        }

        try
        {
            step(stream);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stream.Failed = true;
            stream.Run?.Dispose();
            Fail($"the {stream.Renderer.Key} report could not be written: {e.Message}");
        }
    }

    private void Fail(string message)
    {
        lock (_gate)
        {
            _console.Error.WriteLine($"portcompliance: {message}");
            _ok = false;
        }
    }

    internal sealed record HostReports(ReportModel Own, IReadOnlyList<string> Files, IReadOnlyList<object?> Prepared);

    private sealed class OpenStream(IStreamingRenderer renderer, AtomicFiles files)
    {
        public IStreamingRenderer Renderer { get; } = renderer;
        public AtomicFiles Files { get; } = files;
        public IReportRun? Run { get; set; }
        public bool Failed { get; set; }
    }
}
