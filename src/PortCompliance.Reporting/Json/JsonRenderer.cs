using PortCompliance.Core.Model;

namespace PortCompliance.Reporting.Json;

/// <summary><c>results.json</c>: the whole audit, as DESIGN.md specifies it; a later run reads it as a baseline.</summary>
public sealed class JsonRenderer : IReportRenderer
{
    public string Key => "json";
    public string Description => "results.json: every host, socket and finding, for scripts and as next month's baseline";
    public IReadOnlyList<string> Files => ["results.json"];

    public void Render(ReportModel model, Func<string, Stream> open)
    {
        using var stream = open("results.json");
        ResultsJson.Write(stream, model.Result);
    }
}
