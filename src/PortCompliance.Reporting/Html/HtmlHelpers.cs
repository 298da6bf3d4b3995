using HandlebarsDotNet;
using PortCompliance.Core.Model;

namespace PortCompliance.Reporting.Html;

/// <summary>
/// The few helpers the templates call. Each returns plain text, so Handlebars still escapes what it writes; none
/// knows anything about compliance — they only format what the model already decided.
/// </summary>
internal static class HtmlHelpers
{
    /// <summary>Statuses after the severities, in the order a sorted column shows them.</summary>
    private static readonly string[] Statuses = ["waived", "ok", "compliant"];

    public static void Register(IHandlebars handlebars)
    {
        handlebars.RegisterHelper("rank", (HandlebarsReturnHelper)((_, arguments) => Rank(Text(arguments, 0))));
        handlebars.RegisterHelper("plural", (HandlebarsReturnHelper)((_, arguments) => Plural(arguments)));
    }

    /// <summary>Sort key of a severity or status: critical 0 … info 4, then waived, ok, compliant.</summary>
    public static int Rank(string status)
    {
        for (var i = 0; i < Severities.WorstFirst.Count; i++)
        {
            if (Severities.WorstFirst[i].Name() == status)
            {
                return i;
            }
        }

        var index = Array.IndexOf(Statuses, status);
        return Severities.WorstFirst.Count + (index < 0 ? Statuses.Length : index);
    }

    /// <summary><c>{{plural n "step"}}</c> → <c>1 step</c>, <c>3 steps</c>.</summary>
    private static string Plural(Arguments arguments)
    {
        var count = arguments.Length > 0 && arguments[0] is int n ? n : 0;
        var noun = Text(arguments, 1);
        return count == 1 ? $"1 {noun}" : $"{count} {noun}s";
    }

    private static string Text(Arguments arguments, int index) =>
        arguments.Length > index ? arguments[index]?.ToString() ?? "" : "";
}
