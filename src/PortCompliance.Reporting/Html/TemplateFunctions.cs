using PortCompliance.Core.Model;
using Scriban.Runtime;

namespace PortCompliance.Reporting.Html;

/// <summary>
/// The few functions the templates call besides Scriban's own. Each returns plain text, which the context still
/// escapes; none knows anything about compliance — they only format what the model already decided.
/// </summary>
internal static class TemplateFunctions
{
    public const string RankFunction = "rank";
    public const string PluralFunction = "plural";

    /// <summary>Statuses after the severities, in the order a sorted column shows them.</summary>
    private static readonly string[] Statuses = ["waived", "ok", "compliant"];

    public static void Import(ScriptObject functions)
    {
        functions.Import(RankFunction, new Func<string, int>(Rank));
        functions.Import(PluralFunction, new Func<int, string, string>(Plural));
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

    /// <summary><c>{{ plural 3 "step" }}</c> → <c>3 steps</c>, <c>{{ plural 1 "step" }}</c> → <c>1 step</c>.</summary>
    public static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
