using System.Text.RegularExpressions;
using PortCompliance.Reporting.Html;
using PortCompliance.Reporting.Tests.Support;
using PortCompliance.Tests.Shared;
using Scriban;

namespace PortCompliance.Reporting.Tests.Html;

/// <summary>The files in templates/ keep the rules that keep host text escaped, and all of them ship in the tool.</summary>
public sealed partial class TemplateFilesTests
{
    private static readonly string Folder = RepoPaths.Combine("templates");

    private static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Folder, "*" + HtmlTemplates.Extension, SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    [Fact]
    public void Should_Keep_Every_Template_Rule_In_The_Built_In_Templates()
    {
        var partials = Files().Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'))
            .Where(n => n.StartsWith("partials/", StringComparison.Ordinal))
            .Select(n => n["partials/".Length..^HtmlTemplates.Extension.Length])
            .ToHashSet(StringComparer.Ordinal);
        var problems = Files()
            .SelectMany(f => TemplateChecks.Problems(Template.Parse(File.ReadAllText(f), RepoPaths.Relative(f)), partials))
            .ToList();

        Assert.True(problems.Count == 0, "template problems:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Should_Write_Unescaped_Only_The_Page_Own_Style_And_Script()
    {
        var raw = Files()
            .SelectMany(f => File.ReadAllLines(f).Select((text, i) => (File: RepoPaths.Relative(f), Line: i + 1, Text: text)))
            .SelectMany(l => Raw().Matches(l.Text).Select(m => (l.File, l.Line, m.Value)))
            .ToList();

        Assert.Equal(["raw Css", "raw Script"], raw.Select(r => r.Value).Order(StringComparer.Ordinal));
        Assert.All(raw, r => Assert.Equal("templates/report.sbn", r.File));
    }

    [Fact]
    public void Should_Render_A_Listing_Past_Scriban_Default_Loop_And_Text_Limits()
    {
        // 3,000 sockets: past Scriban's default 1,000 loop iterations, and a host section over its 1 MiB text limit.
        var row = File.ReadAllLines(RepoPaths.Combine("samples", "ss", "ss-lntup-debian12-db.txt"))
            .First(l => l.StartsWith("tcp", StringComparison.Ordinal) && l.Contains("0.0.0.0:", StringComparison.Ordinal));
        var port = PortOf().Match(row).Groups["port"].Value;
        var listing = "Netid State Recv-Q Send-Q Local Address:Port Peer Address:Port Process\n" +
                      string.Concat(Enumerable.Range(20000, 3000).Select(p => row.Replace("0.0.0.0:" + port, $"0.0.0.0:{p}", StringComparison.Ordinal) + "\n"));
        var model = Reports.Model([Reports.Parse(listing, "big.txt", "big")]);

        var html = Reports.Html(model);

        Assert.Equal(3000, model.Hosts.Single().Sockets.Count);
        Assert.Contains("<td class=\"num\">22999</td>", html);
        Assert.EndsWith("</html>\n", html);
    }

    [Fact]
    public void Should_Ship_Every_Template_File_In_The_Tool()
    {
        var files = Files()
            .Select(f => "templates/" + Path.GetRelativePath(Folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        var embedded = typeof(HtmlRenderer).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("templates/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        Assert.Equal(files, embedded);
    }

    [GeneratedRegex(@"\braw\b[^}]*?(?=\s*~?\}\})")]
    private static partial Regex Raw();

    [GeneratedRegex(@"0\.0\.0\.0:(?<port>\d+)")]
    private static partial Regex PortOf();
}
