using PortCompliance.Reporting.Model;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace PortCompliance.Reporting.Html;

/// <summary>
/// The HTML templates, parsed and checked once: <c>report.sbn</c> with every partial under <c>partials/</c>, and the
/// page's stylesheet and script under <c>assets/</c>. Every failure names its file, line and column.
/// </summary>
internal sealed class HtmlTemplates : ITemplateLoader
{
    public const string Extension = ".sbn";
    public const string PageName = "report" + Extension;
    public const string StyleName = "assets/style.css" + Extension;
    public const string ScriptName = "assets/script.js" + Extension;
    private const string PartialFolder = "partials/";

    private readonly Template _page;
    private readonly Template _style;
    private readonly Template _script;

    /// <summary>Partials by the name <c>include</c> takes: their path under <c>partials/</c>, less the extension.</summary>
    private readonly Dictionary<string, Template> _partials = new(StringComparer.Ordinal);

    private HtmlTemplates(TemplateSource source)
    {
        var names = source.Names.Union([PageName, StyleName, ScriptName], StringComparer.Ordinal);
        var templates = names.Select(source.Read).ToDictionary(t => t.Name, t => Template.Parse(t.Text, t.Origin), StringComparer.Ordinal);
        foreach (var (name, template) in templates)
        {
            if (PartialName(name) is { } partial)
            {
                _partials[partial] = template;
            }
        }

        var partials = _partials.Keys.ToHashSet(StringComparer.Ordinal);
        var problems = templates.Values.SelectMany(t => TemplateChecks.Problems(t, partials)).ToList();
        if (problems.Count > 0)
        {
            throw new TemplateException(string.Join("\n", problems));
        }

        (_page, _style, _script) = (templates[PageName], templates[StyleName], templates[ScriptName]);
    }

    public static HtmlTemplates Load(TemplateSource source) => new(source);

    /// <summary>The stylesheet and script as they go inline; they see only the few values given here, never host data.</summary>
    public (string Css, string Script) Assets(CoverView cover)
    {
        var values = new { cover.ReportId, cover.AuditDate };
        return (Run(_style, values), Run(_script, values));
    }

    public void Write(TextWriter writer, HtmlPage page) => Render(_page, page, new TextWriterOutput(writer));

    string ITemplateLoader.GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
        _partials.ContainsKey(templateName)
            ? templateName
            : throw new ScriptRuntimeException(callerSpan, $"partial '{templateName}' not found (no {PartialFolder}{templateName}{Extension})");

    // Never reached: every partial is parsed at load and handed to each context already compiled.
    string ITemplateLoader.Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        throw new ScriptRuntimeException(callerSpan, $"partial '{templatePath}' was not loaded with the templates");

    ValueTask<string?> ITemplateLoader.LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(((ITemplateLoader)this).Load(context, callerSpan, templatePath));

    private string Run(Template template, object values)
    {
        using var text = new StringWriter { NewLine = "\n" };
        Render(template, values, new TextWriterOutput(text));
        return text.ToString();
    }

    private void Render(Template template, object model, IScriptOutput output)
    {
        var context = new HtmlTemplateContext(this, _partials, model);
        context.PushOutput(output);
        try
        {
            template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw new TemplateException($"{TemplateChecks.Where(e.Span)}: {e.OriginalMessage}", e);
        }
    }

    private static string? PartialName(string templateName) =>
        templateName.StartsWith(PartialFolder, StringComparison.Ordinal) ? templateName[PartialFolder.Length..^Extension.Length] : null;
}
