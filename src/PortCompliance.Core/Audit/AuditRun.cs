using PortCompliance.Core.Evaluation;
using PortCompliance.Core.Ingest;
using PortCompliance.Core.Model;

namespace PortCompliance.Core.Audit;

/// <summary>
/// The audit pipeline, once for every kind of run: each host is read, joined with its outside scan, judged, counted
/// and compared with the baseline on every core, and handed to the sink in report order; the run closes with its
/// summary, input errors, hosts not collected and drift. Only the counts stay here, so memory does not grow with the
/// hosts' sockets and findings unless the sink keeps them.
/// </summary>
public static class AuditRun
{
    // Hosts in flight per core: enough that a slow host never idles the others, few enough to hold in memory.
    private const int WindowPerCore = 8;

    public static AuditResult Run<TPrepared>(AuditRequest request, IAuditSink<TPrepared> sink, IAuditObserver? observer = null)
    {
        var (policy, settings, hosts) = (request.Policy, request.Settings, request.Hosts);
        var run = Auditor.Start(policy, settings);
        var baseline = request.Baseline is { } last ? new DriftBaseline(last) : null;
        var tally = new AuditTally();
        var inputErrors = new List<InputProblem>(request.InputErrors);
        var audited = new List<string>();
        var drifts = new List<HostDrift>();
        sink.Start(run);
        OrderedPipeline.Run(hosts.Count, WindowPerCore * Environment.ProcessorCount, index =>
        {
            var read = hosts[index].Read(request.Format);
            if (Exposures.Apply(read.Snapshot, hosts[index].Scan) is not { } snapshot)
            {
                return new Judged<TPrepared>(read, null, default!);
            }

            var result = Auditor.Evaluate(snapshot, policy, request.Catalogue, settings);
            var drift = baseline?.Compare(result);
            var host = new HostAudit(index, result, Auditor.Summarize([result], 0, settings.FailOn), drift is null ? null : baseline!.Of(drift));
            return new Judged<TPrepared>(read, host, sink.Prepare(host));
        }, (_, judged) =>
        {
            inputErrors.AddRange(judged.Read.Results.SelectMany(Failures));
            observer?.Read(judged.Read);
            if (judged.Host is { } host)
            {
                audited.Add(host.Result.Host);
                tally.Add(host.Result);
                if (host.Drift is { } drift)
                {
                    drifts.Add(drift.Hosts[0]);
                }

                sink.Add(host, judged.Prepared);
            }
        });

        var closing = run with
        {
            Summary = tally.Summary(inputErrors.Count, settings.FailOn),
            InputErrors = inputErrors,
            NotCollected = Auditor.NotCollected(settings.Inventory, audited),
            Drift = baseline?.Report(drifts),
        };
        sink.Finish(closing);
        return closing;
    }

    /// <summary>A run kept whole: the closing result with every host in it, for a combined report (and tests).</summary>
    public static AuditResult Whole(AuditRequest request, IAuditObserver? observer = null)
    {
        var hosts = new KeepAll();
        return Run(request, hosts, observer) with { Hosts = hosts.Results };
    }

    /// <summary>
    /// Hosts already read (tests, the benchmarks), as one run kept whole: each snapshot a host, joined with the latest
    /// outside scan of its name (<see cref="AuditRequest.Read"/>).
    /// </summary>
    public static AuditResult Whole(
        IReadOnlyList<HostSnapshot> hosts, Policy.Policy policy, AuditSettings settings,
        IReadOnlyList<ExternalScan>? scans = null, IReadOnlyList<InputProblem>? inputErrors = null, AuditResult? baseline = null) =>
        Whole(new AuditRequest
        {
            Hosts = AuditRequest.Read(hosts, scans ?? []), Policy = policy, Settings = settings, InputErrors = inputErrors ?? [], Baseline = baseline,
        });

    /// <summary>An input that gave no host at all: each of its errors is an input the batch went on without.</summary>
    public static IEnumerable<InputProblem> Failures(IngestResult read) =>
        read.Snapshot is not null ? [] : read.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => new InputProblem(d.File, d.Line, d.Message));

    private sealed record Judged<TPrepared>(HostRead Read, HostAudit? Host, TPrepared Prepared);

    private sealed class KeepAll : IAuditSink<HostResult>
    {
        public List<HostResult> Results { get; } = [];

        public void Start(AuditResult run)
        {
        }

        public HostResult Prepare(HostAudit host) => host.Result;

        public void Add(HostAudit host, HostResult prepared) => Results.Add(prepared);

        public void Finish(AuditResult closing)
        {
        }
    }
}
