using HandlebarsDotNet;
using PortCompliance.Reporting.Model;

namespace PortCompliance.Reporting.Html;

/// <summary>
/// The HTML templates, checked and compiled once: <c>report.hbs</c> with every partial under <c>partials/</c>, and the
/// page's stylesheet and script under <c>assets/</c>. Every failure names the template it comes from.
/// </summary>
internal sealed class HtmlTemplates
{
    public const string PageName = "report.hbs";
    public const string StyleName = "assets/style.css.hbs";
    public const string ScriptName = "assets/script.js.hbs";

    private readonly HandlebarsTemplate<TextWriter, object, object> _page;
    private readonly HandlebarsTemplate<TextWriter, object, object> _style;
    private readonly HandlebarsTemplate<TextWriter, object, object> _script;
    private readonly string _origin;

    private HtmlTemplates(TemplateSource source)
    {
        var templates = source.Names.Select(source.Read).ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var required in new[] { PageName, StyleName, ScriptName }.Where(n => !templates.ContainsKey(n)))
        {
            templates[required] = source.Read(required);
        }

        var partials = templates.Keys.Select(TemplateChecks.PartialName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var problems = templates.Values.SelectMany(t => TemplateChecks.Problems(t, partials)).ToList();
        if (problems.Count > 0)
        {
            throw new TemplateException(string.Join("\n", problems));
        }

        var handlebars = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = true, TextEncoder = new ShownTextEncoder() });
        HtmlHelpers.Register(handlebars);
        foreach (var template in templates.Values)
        {
            if (TemplateChecks.PartialName(template.Name) is { } partial)
            {
                handlebars.RegisterTemplate(partial, Compile(handlebars, template));
            }
        }

        _page = Compile(handlebars, templates[PageName]);
        _style = Compile(handlebars, templates[StyleName]);
        _script = Compile(handlebars, templates[ScriptName]);
        _origin = source.Folder is null ? "the built-in HTML templates" : $"the HTML templates in {source.Folder}";
    }

    public static HtmlTemplates Load(TemplateSource source) => new(source);

    /// <summary>The stylesheet and script as they go inline; they see only the few values given here, never host data.</summary>
    public (string Css, string Script) Assets(CoverView cover)
    {
        var context = new { cover.ReportId, cover.AuditDate };
        return (Run(_style, context), Run(_script, context));
    }

    public void Write(TextWriter writer, HtmlPage page)
    {
        try
        {
            _page(writer, page);
        }
        catch (HandlebarsException e)
        {
            throw new TemplateException($"{_origin}: {e.Message}", e);
        }
    }

    private string Run(HandlebarsTemplate<TextWriter, object, object> template, object context)
    {
        using var text = new StringWriter { NewLine = "\n" };
        try
        {
            template(text, context);
        }
        catch (HandlebarsException e)
        {
            throw new TemplateException($"{_origin}: {e.Message}", e);
        }

        return text.ToString();
    }

    private static HandlebarsTemplate<TextWriter, object, object> Compile(IHandlebars handlebars, TemplateSource.Template template)
    {
        try
        {
            using var reader = new StringReader(template.Text);
            return handlebars.Compile(reader);
        }
        catch (HandlebarsException e)
        {
            throw new TemplateException($"{template.Origin}: {e.Message.Trim()}", e);
        }
    }
}
