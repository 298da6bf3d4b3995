using System.Text.RegularExpressions;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Reporting.Tests.Html;

/// <summary>The files in templates/ keep the rules that keep host text escaped, and all of them ship in the tool.</summary>
public sealed partial class TemplateFilesTests
{
    private static readonly string Folder = RepoPaths.Combine("templates");

    private static IEnumerable<(string File, int Line, string Text)> Lines() =>
        Directory.EnumerateFiles(Folder, "*.hbs", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(file => File.ReadAllLines(file).Select((text, i) => (RepoPaths.Relative(file), i + 1, text)));

    [Fact]
    public void Should_Not_Indent_A_Partial_Call_On_A_Line_Of_Its_Own()
    {
        // Handlebars.Net writes a partial called on an indented line of its own without HTML escaping.
        var indented = Lines().Where(l => IndentedPartial().IsMatch(l.Text)).Select(l => $"{l.File}:{l.Line}: {l.Text}").ToList();

        Assert.True(indented.Count == 0, "indented partial calls:\n" + string.Join("\n", indented));
    }

    [Fact]
    public void Should_Write_Unescaped_Only_The_Page_Own_Style_And_Script()
    {
        var raw = Lines()
            .SelectMany(l => RawOutput().Matches(l.Text).Select(m => (l.File, l.Line, m.Value)))
            .Where(r => r.Value is not ("{{{Css}}}" or "{{{Script}}}"))
            .Select(r => $"{r.File}:{r.Line}: {r.Value}")
            .ToList();

        Assert.True(raw.Count == 0, "unescaped output:\n" + string.Join("\n", raw));
    }

    [Fact]
    public void Should_Ship_Every_Template_File_In_The_Tool()
    {
        var files = Directory.EnumerateFiles(Folder, "*.hbs", SearchOption.AllDirectories)
            .Select(f => "templates/" + Path.GetRelativePath(Folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        var embedded = typeof(global::PortCompliance.Reporting.Html.HtmlRenderer).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("templates/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        Assert.Equal(files, embedded);
    }

    [GeneratedRegex(@"^\s+\{\{~?#?>")]
    private static partial Regex IndentedPartial();

    [GeneratedRegex(@"\{\{\{[^}]*\}\}\}|\{\{~?&[^}]*\}\}")]
    private static partial Regex RawOutput();
}
