using PortCompliance.Reporting.Model;
using System.Text;

namespace PortCompliance.Reporting.Html;

/// <summary>
/// <c>report.html</c>: the whole report in one self-contained page — inline style and script, nothing fetched —
/// filterable and sortable on screen, complete when printed. Rendered with Scriban from <c>templates/</c>, every value escaped (<see cref="HtmlTemplateContext"/>).
/// </summary>
internal sealed class HtmlRenderer : IReportRenderer
{
    public const string FileName = "report.html";

    // Compiled on first use: the CLI also builds renderers just to list their keys in --help.
    private readonly Lazy<HtmlTemplates> _templates;

    public HtmlRenderer(ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _templates = new Lazy<HtmlTemplates>(() => HtmlTemplates.Load(new TemplateSource(options.TemplatesDirectory)));
    }

    public string Key => "html";
    public string Description => "report.html: the full report in one self-contained page, filterable, sortable and printable";
    public bool InDefaultSet => true;
    public FleetOutput FleetOutput => FleetOutput.PerHost;
    public IReadOnlyList<string> Files => [FileName];

    public void Render(ReportModel model, Func<string, Stream> open)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(open);
        var templates = _templates.Value;
        var page = HtmlPageBuilder.Build(model, templates);
        // A buffer under the large-object heap's threshold: a fleet writes thousands of these pages.
        using var writer = new StreamWriter(open(FileName), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 14)
        {
            NewLine = "\n",
        };
        templates.Write(writer, page);
    }
}
