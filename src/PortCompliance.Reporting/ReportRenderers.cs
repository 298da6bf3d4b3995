using PortCompliance.Reporting.Csv;
using PortCompliance.Reporting.Json;
using PortCompliance.Reporting.Junit;
using PortCompliance.Reporting.Pdf;

namespace PortCompliance.Reporting;

/// <summary>The report formats, by key; the key list feeds <c>--formats</c> help and error messages.</summary>
public static class ReportRenderers
{
    /// <summary>Every renderer, in the order reports are written.</summary>
    public static IReadOnlyList<IReportRenderer> Create(ReportOptions options) =>
    [
        new PdfRenderer(),
        new Html.HtmlRenderer(options),
        new CsvRenderer(),
        new JsonRenderer(),
        new JunitRenderer(),
    ];

    /// <summary>What <c>audit</c> writes without <c>--formats</c>: everything but JUnit, which CI asks for by name.</summary>
    public static IReadOnlyList<string> DefaultKeys(IReadOnlyList<IReportRenderer> renderers) =>
        [.. renderers.Select(r => r.Key).Where(k => k != JunitRenderer.FormatKey)];
}
