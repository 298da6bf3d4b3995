using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;
using PortCompliance.Core.Policy;
using PortCompliance.Reporting;

namespace PortCompliance.Cli.Commands;

/// <summary>
/// A fleet audit, host by host: each host is judged, compared with the baseline and written to its own reports and to
/// the streaming formats (results.json, CSV, JUnit) on every core, in report order. Only the summary's
/// rows stay behind, so memory does not grow with the hosts' sockets and findings. The summary reports come last.
/// </summary>
internal sealed class FleetAudit(Policy policy, AuditSettings settings, DriftBaseline? baseline, ReportOptions options, string folder, CliConsole console)
{
    // Hosts in flight per core: enough that a slow host never idles the others, few enough to hold in memory.
    private const int WindowPerCore = 8;

    private readonly Lock _gate = new();
    private bool _ok = true;

    public sealed record Outcome(AuditResult Result, ReportModel Model, IReadOnlyList<string> Written, int HostReports, bool AllWritten);

    public Outcome Run(IReadOnlyList<HostInput> hosts, string? format, List<InputProblem> inputErrors, IReadOnlyList<IReportRenderer> renderers)
    {
        var run = Auditor.Start(policy, settings);
        var fleet = new FleetSummary(run);
        var anchors = ReportModelBuilder.FleetAnchors([.. hosts.Select(h => h.Host)]);
        var documents = renderers.Where(r => r is not IStreamingRenderer).ToList();
        var streams = renderers.OfType<IStreamingRenderer>().Select(r => new OpenStream(r, new AtomicFiles(folder))).ToList();
        foreach (var stream in streams)
        {
            Guard(stream, s => s.Run = s.Renderer.Start(run, new ReportOutput(s.Files.Open, s.Files.Scratch)));
        }

        var names = new List<string>();
        var hostFiles = new List<string>();
        Progress.Run("auditing hosts", hosts.Count, console, done =>
        {
            OrderedPipeline.Run(hosts.Count, WindowPerCore * Environment.ProcessorCount, index =>
            {
                var read = hosts[index].Read(format);
                if (Exposures.Apply(read.Snapshot, hosts[index].Scan) is not { } snapshot)
                {
                    return new Judged(read, null);
                }

                var host = Auditor.Evaluate(snapshot, policy, ServiceCatalogue.BuiltIn, settings);
                var drift = baseline?.Compare(host);
                var own = ReportModelBuilder.ForHost(run, host, drift is null ? null : baseline!.Of(drift), anchors[index], options);
                return new Judged(read, new HostReports(host, own, drift, WriteHostReports(own, documents)));
            }, (_, judged) =>
            {
                Ingestion.Tell(judged.Read, console, inputErrors);
                if (judged.Reports is { } reports)
                {
                    names.Add(reports.Host.Host);
                    fleet.Add(reports.Host, reports.Own, reports.Drift);
                    hostFiles.AddRange(reports.Files);
                    foreach (var stream in streams.Where(s => s.Run is not null))
                    {
                        Guard(stream, s => s.Run!.Add(reports.Host, reports.Own.Hosts[0]));
                    }
                }

                done();
            });
            return 0;
        });

        var closing = run with
        {
            Summary = fleet.Summary(inputErrors.Count, settings.FailOn),
            InputErrors = inputErrors,
            NotCollected = Auditor.NotCollected(settings.Inventory, names),
            Drift = baseline?.Report(fleet.Drift),
        };
        var model = ReportModelBuilder.ForFleet(closing, fleet, options);
        var written = new List<string>();
        foreach (var stream in streams)
        {
            Guard(stream, s =>
            {
                s.Run!.Finish(model);
                s.Run.Dispose();
                written.AddRange(s.Files.Commit());
            });
            stream.Files.Dispose();
        }

        var (summaries, allSummaries) = ReportWriter.Write(model, documents, folder, console);
        return new Outcome(closing, model, [.. summaries, .. written], hostFiles.Count, _ok && allSummaries);
    }

    /// <summary>A host's own PDF and HTML, committed together, named by its anchor; a failure is named and the fleet goes on.</summary>
    private IReadOnlyList<string> WriteHostReports(ReportModel own, IReadOnlyList<IReportRenderer> documents)
    {
        var written = new List<string>();
        var anchor = own.Hosts[0].Anchor;
        foreach (var renderer in documents)
        {
            using var output = new AtomicFiles(folder);
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
            console.Error.WriteLine($"portcompliance: {message}");
            _ok = false;
        }
    }

    private sealed record Judged(HostRead Read, HostReports? Reports);

    private sealed record HostReports(HostResult Host, ReportModel Own, HostDrift? Drift, IReadOnlyList<string> Files);

    private sealed class OpenStream(IStreamingRenderer renderer, AtomicFiles files)
    {
        public IStreamingRenderer Renderer { get; } = renderer;
        public AtomicFiles Files { get; } = files;
        public IReportRun? Run { get; set; }
        public bool Failed { get; set; }
    }
}
