using System.Text.RegularExpressions;

namespace PortCompliance.Reporting.Html;

/// <summary>
/// Rules every template must keep — the built-in ones and a user's customised copies alike — because breaking them
/// lets text from a host reach the page unescaped or fails only halfway through a report.
/// </summary>
internal static partial class TemplateChecks
{
    /// <summary>The only values written unescaped: the page's own stylesheet and script, rendered without host data.</summary>
    public static readonly IReadOnlySet<string> RawValues = new HashSet<string>(StringComparer.Ordinal) { "Css", "Script" };

    /// <summary>Every problem in <paramref name="template"/>, as <c>origin:line: message</c>.</summary>
    public static IEnumerable<string> Problems(TemplateSource.Template template, IReadOnlySet<string> partials)
    {
        // Comments may show the forbidden forms as examples; blank them, keeping line numbers.
        var code = Comment().Replace(template.Text, m => new string('\n', m.Value.Count(c => c == '\n')));
        var lines = code.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var where = $"{template.Origin}:{i + 1}";
            if (IndentedPartial().IsMatch(lines[i]))
            {
                // Handlebars.Net renders a partial called on an indented line of its own without HTML-escaping it.
                yield return $"{where}: a partial call must not be indented on a line of its own (Handlebars.Net then " +
                             "skips HTML escaping); start the line with it or put it after other text";
            }

            foreach (Match raw in RawOutput().Matches(lines[i]))
            {
                if (!RawValues.Contains(raw.Groups["name"].Value))
                {
                    yield return $"{where}: '{raw.Value}' writes without HTML escaping; only {string.Join(" and ", RawValues.Order(StringComparer.Ordinal))} may (use {{{{…}}}})";
                }
            }

            foreach (Match call in PartialCall().Matches(lines[i]))
            {
                if (!partials.Contains(call.Groups["name"].Value))
                {
                    yield return $"{where}: partial '{call.Groups["name"].Value}' not found (no partials/{call.Groups["name"].Value}.hbs)";
                }
            }
        }
    }

    /// <summary>The partial name a file under <c>partials/</c> registers: its path there, less <c>.hbs</c>.</summary>
    public static string? PartialName(string templateName) =>
        templateName.StartsWith("partials/", StringComparison.Ordinal) ? templateName["partials/".Length..^".hbs".Length] : null;

    [GeneratedRegex(@"\{\{!--.*?--\}\}|\{\{![^}]*\}\}", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"^[ \t]+\{\{~?#?>")]
    private static partial Regex IndentedPartial();

    [GeneratedRegex(@"\{\{\{~?\s*(?<name>[^\s}~]*)\s*~?\}\}\}|\{\{~?&\s*(?<name>[^\s}~]*)\s*~?\}\}")]
    private static partial Regex RawOutput();

    [GeneratedRegex(@"\{\{~?#?>\s*(?<name>[A-Za-z0-9_./-]+)")]
    private static partial Regex PartialCall();
}
