using PortCompliance.Core.Model;

namespace PortCompliance.Core.Audit;

/// <summary>
/// Where an audit run's hosts go: a combined report, a fleet's per-host and summary reports. The run calls
/// <see cref="Start"/>, then for every host <see cref="Prepare"/> (on any core, hosts in parallel) and
/// <see cref="Add"/> (one at a time, in report order), then <see cref="Finish"/>.
/// </summary>
public interface IAuditSink<TPrepared>
{
    /// <summary>The run before any host is judged: tool, clock and policy; no hosts, nothing counted yet.</summary>
    void Start(AuditResult run);

    /// <summary>Work on one host that need not wait for the hosts before it (its own reports).</summary>
    TPrepared Prepare(HostAudit host);

    void Add(HostAudit host, TPrepared prepared);

    /// <summary>The run's close: its summary, input errors, hosts not collected and drift; no hosts.</summary>
    void Finish(AuditResult closing);
}

/// <summary>Hears how reading each host went, in report order, once per host (what to tell the user, progress).</summary>
public interface IAuditObserver
{
    void Read(Ingest.HostRead read);
}
