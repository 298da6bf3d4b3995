using PortCompliance.Reporting.Model;

namespace PortCompliance.Reporting;

/// <summary>One output format. Renderers only read the model: they never evaluate and never touch the file system.</summary>
public interface IReportRenderer
{
    /// <summary>The key <c>--formats</c> takes (<c>pdf</c>, <c>html</c>, …).</summary>
    string Key { get; }

    /// <summary>What <c>--formats</c> help says after the key: the files and who they are for.</summary>
    string Description { get; }

    /// <summary>Whether <c>audit</c> writes this format when <c>--formats</c> is not given.</summary>
    bool InDefaultSet { get; }

    /// <summary>How a fleet run writes this format; <see cref="FleetOutput.Streamed"/> means an <see cref="IStreamingRenderer"/>.</summary>
    FleetOutput FleetOutput { get; }

    /// <summary>The files this renderer writes, by name, inside the output folder.</summary>
    IReadOnlyList<string> Files { get; }

    /// <summary>Writes each of <see cref="Files"/> to the stream <paramref name="open"/> returns for its name.</summary>
    void Render(ReportModel model, Func<string, Stream> open);
}
