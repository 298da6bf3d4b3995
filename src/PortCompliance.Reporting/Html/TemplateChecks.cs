using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace PortCompliance.Reporting.Html;

/// <summary>
/// Rules every template must keep — the built-in ones and a user's customised copies alike — checked on the parsed
/// template before anything renders, because breaking them lets text from a host reach the page unescaped or fails
/// only halfway through a report.
/// </summary>
internal static class TemplateChecks
{
    /// <summary>The only values <c>raw</c> may write: the page's own stylesheet and script, built without host data.</summary>
    public static readonly IReadOnlySet<string> RawValues = new HashSet<string>(StringComparer.Ordinal) { "Css", "Script" };

    /// <summary>Every problem in <paramref name="template"/>, each as <c>file:line:column: message</c>.</summary>
    public static IEnumerable<string> Problems(Template template, IReadOnlySet<string> partials)
    {
        if (template.HasErrors || template.Page is null)
        {
            return template.Messages.Where(m => m.Type == ParserMessageType.Error).Select(m => $"{Where(m.Span)}: {m.Message}");
        }

        return Nodes(template.Page!).OfType<ScriptVariable>().Select(v => v.Name switch
        {
            HtmlTemplateContext.RawFunction => RawProblem(v),
            HtmlTemplateContext.IncludeFunction => IncludeProblem(v, partials),
            _ => null,
        }).OfType<string>();
    }

    /// <summary>Where a span starts, as editors and compilers print it: 1-based line and column.</summary>
    public static string Where(SourceSpan span) => $"{span.FileName}:{span.Start.Line + 1}:{span.Start.Column + 1}";

    private static string? RawProblem(ScriptVariable raw)
    {
        if (Call(raw) is { Arguments: [ScriptVariable { Name: var name }] } && RawValues.Contains(name))
        {
            return null;
        }

        var allowed = string.Join(" and ", RawValues.Order(StringComparer.Ordinal).Select(n => $"'raw {n}'"));
        return $"{Where(raw.Span)}: '{Text(raw)}' would write without HTML escaping; only {allowed} may (write values as {{{{ value }}}}, which escapes)";
    }

    private static string? IncludeProblem(ScriptVariable include, IReadOnlySet<string> partials)
    {
        if (Call(include) is not { Arguments: [ScriptLiteral { Value: string name }, ..] })
        {
            return $"{Where(include.Span)}: '{Text(include)}': include takes a partial's name in quotes (include 'host')";
        }

        return partials.Contains(name) ? null : $"{Where(include.Span)}: partial '{name}' not found (no partials/{name}{HtmlTemplates.Extension})";
    }

    /// <summary>The call <paramref name="function"/> is the target of, or null when it is named but not called.</summary>
    private static ScriptFunctionCall? Call(ScriptVariable function) =>
        function.Parent is ScriptFunctionCall call && ReferenceEquals(call.Target, function) ? call : null;

    private static string Text(ScriptVariable function) => ((ScriptNode?)Call(function) ?? function).ToString().Trim();

    private static IEnumerable<ScriptNode> Nodes(ScriptNode root)
    {
        var pending = new Stack<ScriptNode>([root]);
        while (pending.TryPop(out var node))
        {
            yield return node;
            foreach (var child in node.Children.Where(c => c is not null).Reverse())
            {
                pending.Push(child);
            }
        }
    }
}
