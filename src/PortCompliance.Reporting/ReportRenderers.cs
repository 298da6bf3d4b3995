using PortCompliance.Reporting.Csv;
using PortCompliance.Reporting.Json;
using PortCompliance.Reporting.Junit;
using PortCompliance.Reporting.Pdf;

namespace PortCompliance.Reporting;

/// <summary>
/// The report formats, by key: the one list of them. Each renderer declares its key, description, default-set
/// membership and fleet behaviour itself; the key list feeds <c>--formats</c> help and error messages.
/// </summary>
public static class ReportRenderers
{
    /// <summary>Every renderer, in the order reports are written.</summary>
    public static IReadOnlyList<IReportRenderer> Create(ReportOptions options) => Checked(
    [
        new PdfRenderer(options),
        new Html.HtmlRenderer(options),
        new CsvRenderer(),
        new JsonRenderer(),
        new JunitRenderer(),
        new Oscal.OscalRenderer(),
    ]);

    /// <summary>What <c>audit</c> writes without <c>--formats</c>: every renderer that declares itself in the default set.</summary>
    public static IReadOnlyList<string> DefaultKeys(IReadOnlyList<IReportRenderer> renderers) =>
        [.. renderers.Where(r => r.InDefaultSet).Select(r => r.Key)];

    /// <summary>
    /// Refuses a list whose declarations contradict the renderers: a fleet would write a format in a way its renderer
    /// cannot, or one key would name two formats. A bug in the list, so it fails loudly the first time it is built.
    /// </summary>
    internal static IReadOnlyList<IReportRenderer> Checked(IReadOnlyList<IReportRenderer> renderers)
    {
        var problems = new List<string>();
        foreach (var renderer in renderers)
        {
            var streams = renderer is IStreamingRenderer;
            if (renderer.FleetOutput == FleetOutput.Streamed && !streams)
            {
                problems.Add($"'{renderer.Key}' declares FleetOutput.Streamed but {renderer.GetType().Name} is no IStreamingRenderer");
            }
            else if (renderer.FleetOutput != FleetOutput.Streamed && streams)
            {
                problems.Add($"'{renderer.Key}' is an IStreamingRenderer but declares FleetOutput.{renderer.FleetOutput}");
            }
        }

        problems.AddRange(renderers.GroupBy(r => r.Key, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"'{g.Key}' names {g.Count()} formats"));
        return problems.Count == 0
            ? renderers
            : throw new InvalidOperationException($"report formats disagree with their renderers: {string.Join("; ", problems)}");
    }
}
