using PortCompliance.Core.Model;
using PortCompliance.Reporting.Model;

namespace PortCompliance.Reporting;

/// <summary>
/// A format that takes the hosts one at a time (JSON, CSV, JUnit), so a fleet of any size streams through it. Render
/// of a whole model is the same stream run over the model's hosts.
/// </summary>
public interface IStreamingRenderer : IReportRenderer
{
    /// <summary>Opens the format's files for a run: <paramref name="run"/> has no hosts and no summary yet.</summary>
    IReportRun Start(AuditResult run, ReportOutput output);
}

/// <summary>One run of a streaming format: hosts in report order, then the closing summary.</summary>
public interface IReportRun : IDisposable
{
    /// <summary>A host as judged, and as its report shows it (finding ids, socket status).</summary>
    void Add(HostResult host, HostView view);

    /// <summary>
    /// What of a host's part can be made ahead, on the core that judged it, while hosts before it are still being
    /// added; called from several threads at once, so it reads only the host and the run. Null: nothing to make ahead.
    /// </summary>
    object? Prepare(HostResult host, HostView view) => null;

    /// <summary>A host as <see cref="Add(HostResult, HostView)"/> takes it, with what <see cref="Prepare"/> made of it.</summary>
    void Add(HostResult host, HostView view, object? prepared) => Add(host, view);

    /// <summary>Writes what comes after the hosts; <paramref name="model"/>'s result holds the summary and drift.</summary>
    void Finish(ReportModel model);
}

/// <summary>Where a renderer writes: the files it names, and scratch space for what must be written before them.</summary>
public sealed class ReportOutput(Func<string, Stream> open, Func<Stream> scratch)
{
    public Stream Open(string name) => open(name);

    /// <summary>A read-write stream the renderer spools to; deleted when it is disposed.</summary>
    public Stream Scratch() => scratch();

    /// <summary>Runs a streaming format over a whole model's hosts, spooling in memory.</summary>
    public static void RenderWhole(IStreamingRenderer renderer, ReportModel model, Func<string, Stream> open)
    {
        if (model.Fleet is not null)
        {
            // A fleet's summary keeps no hosts: they stream through Start, Add and Finish as they are judged.
            throw new InvalidOperationException($"the {renderer.Key} format of a fleet is written host by host, not from its summary");
        }

        using var stream = renderer.Start(model.Result with { Hosts = [] }, new ReportOutput(open, () => new MemoryStream()));
        for (var i = 0; i < model.Hosts.Count; i++)
        {
            stream.Add(model.Result.Hosts[i], model.Hosts[i]);
        }

        stream.Finish(model);
    }
}
