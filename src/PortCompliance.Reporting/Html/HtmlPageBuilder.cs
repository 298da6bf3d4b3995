using PortCompliance.Reporting.Model;
using System.Security.Cryptography;
using System.Text;

namespace PortCompliance.Reporting.Html;

/// <summary>Derives what only the page needs from the report model; it adds layout and lookups, never judgement.</summary>
internal static class HtmlPageBuilder
{
    private const int BarHeight = 28;
    private const int BarStart = 84;
    private const int BarMaxWidth = 270;

    // Narrow enough that the labels stay legible when a phone scales the chart down to its width.
    private const int ChartWidth = 420;

    public static HtmlPage Build(ReportModel model, HtmlTemplates templates)
    {
        var (css, script) = templates.Assets(model.Cover);
        var findings = model.Hosts.SelectMany(h => h.Findings).ToList();
        var rulesById = findings.ToDictionary(f => f.Id, f => f.Rule, StringComparer.Ordinal);
        return new HtmlPage
        {
            Report = model,
            ContentSecurityPolicy = Policy(css, script),
            Css = new HtmlMarkup(css),
            Script = new HtmlMarkup(script),
            Hosts = [.. model.Hosts.Select(h => Host(h, rulesById))],
            SeverityChart = Chart(model.Summary.BySeverity),
            HostNames = model.Fleet is { } fleet ? [.. fleet.Hosts.Select(h => h.Host)] : [.. model.Hosts.Select(h => h.Host)],
            Rules = [.. findings.Select(f => f.Rule).Concat(model.Summary.TopRules.Select(r => r.Rule)).Concat(model.Waivers.Select(w => w.Rule))
                .Distinct().Order(StringComparer.Ordinal)],
            FindingCount = model.Summary.BySeverity.Sum(c => c.Count) + model.Summary.Waived,
            UnparsedCount = model.Evidence.Sum(e => e.Unparsed.Count),
        };
    }

    /// <summary>
    /// Hashes rather than <c>'unsafe-inline'</c>: should anything slip past escaping, an injected script or style
    /// still would not run, and <c>default-src 'none'</c> stops every fetch the page might be tricked into.
    /// </summary>
    private static string Policy(string css, string script) =>
        $"default-src 'none'; style-src '{Hash(css)}'; script-src '{Hash(script)}'; base-uri 'none'; form-action 'none'";

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static HtmlPage.HostSection Host(HostView host, IReadOnlyDictionary<string, string> rulesById)
    {
        return new HtmlPage.HostSection(
            host,
            [.. host.Sockets.Select(s => new HtmlPage.SocketLine(s, Words(s.FindingIds.Select(id => rulesById[id]))))],
            host.Findings.Count(f => f.Waived));
    }

    private static string Words(IEnumerable<string> values) => string.Join(' ', values.Distinct().Order(StringComparer.Ordinal));

    private static HtmlPage.Chart Chart(IReadOnlyList<SeverityCount> counts)
    {
        var max = Math.Max(1, counts.Max(c => c.Count));
        var bars = counts.Select((c, i) =>
        {
            // Ceiling keeps a single finding visible as a sliver next to a bar of thousands.
            var width = c.Count == 0 ? 0 : Math.Max(2, (int)Math.Ceiling((double)c.Count * BarMaxWidth / max));
            return new HtmlPage.Bar(c.Severity, c.Count, BarStart, i * BarHeight, width, BarStart + width + 8);
        });
        return new HtmlPage.Chart(ChartWidth, counts.Count * BarHeight, [.. bars]);
    }
}
