using PortCompliance.Reporting.Model;
using System.Text;
using PortCompliance.Reporting.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Reporting.Tests;

/// <summary>
/// Every report format in <see cref="ReportRenderers"/> renders the database host, on a fixed day, to the goldens in
/// its own test folder (<c>Csv/Golden/</c> for <c>csv</c>, …): a format added without goldens fails here
/// (docs/add-a-report-format.md). A PDF is compared by the text poppler reads out of it, as an auditor's tools see it.
/// </summary>
public sealed class FormatGoldenTests
{
    private const string Sample = "samples/ss/ss-lntup-debian12-db.txt";

    private static readonly Lazy<ReportModel> Db = new(() => Reports.Of(Sample));

    public static TheoryData<string> Keys => [.. ReportRenderers.Create(Reports.Options).Select(r => r.Key)];

    [Theory]
    [MemberData(nameof(Keys))]
    public void Should_Match_The_Golden_Files_Of_Every_Format(string key)
    {
        var renderer = ReportRenderers.Create(Reports.Options).Single(r => r.Key == key);
        var files = Reports.Render(renderer, Db.Value);

        Assert.NotEmpty(files);
        Assert.All(files.Keys, name => Assert.Contains(name, renderer.Files));
        foreach (var (name, bytes) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var text = name.EndsWith(".pdf", StringComparison.Ordinal) ? Poppler.Text(bytes) : Encoding.UTF8.GetString(bytes);
            Snapshot.Match(text, GoldenPath(key, name, files.Count));
        }
    }

    /// <summary>
    /// <c>Html/Golden/ss-lntup-debian12-db.html</c> for a format of one file, <c>Csv/Golden/ss-lntup-debian12-db.findings.csv</c>
    /// for one of several; a PDF's text is kept as <c>….pdf.txt</c>.
    /// </summary>
    internal static string GoldenPath(string key, string file, int fileCount)
    {
        var folder = char.ToUpperInvariant(key[0]) + key[1..];
        var name = Path.GetFileNameWithoutExtension(Sample) + (fileCount == 1 ? Path.GetExtension(file) : "." + file);
        return RepoPaths.Combine("tests", "PortCompliance.Reporting.Tests", folder, "Golden", file.EndsWith(".pdf", StringComparison.Ordinal) ? name + ".txt" : name);
    }
}
