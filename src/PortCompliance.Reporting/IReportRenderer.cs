using PortCompliance.Reporting.Model;

namespace PortCompliance.Reporting;

/// <summary>One output format. Renderers only read the model: they never evaluate and never touch the file system.</summary>
public interface IReportRenderer
{
    /// <summary>The key <c>--formats</c> takes (<c>pdf</c>, <c>html</c>, …).</summary>
    string Key { get; }

    string Description { get; }

    /// <summary>The files this renderer writes, by name, inside the output folder.</summary>
    IReadOnlyList<string> Files { get; }

    /// <summary>Writes each of <see cref="Files"/> to the stream <paramref name="open"/> returns for its name.</summary>
    void Render(ReportModel model, Func<string, Stream> open);
}
