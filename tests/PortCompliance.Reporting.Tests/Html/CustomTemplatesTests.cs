using PortCompliance.Reporting.Html;
using PortCompliance.Reporting.Model;
using PortCompliance.Reporting.Tests.Support;

namespace PortCompliance.Reporting.Tests.Html;

/// <summary><c>--templates DIR</c>: the folder's files win, the built-in ones fill the gaps, and mistakes name their file.</summary>
public sealed class CustomTemplatesTests : IDisposable
{
    private static readonly Lazy<ReportModel> Model = new(() => Reports.Model(Reports.Audit([Reports.Read("samples/ss/ss-lntup-debian12-web.txt")])));

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pc-templates");

    public void Dispose() => _folder.Delete(recursive: true);

    private ReportOptions Options => new() { TemplatesDirectory = _folder.FullName };

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private TemplateException Failure() => Assert.Throws<TemplateException>(() => Reports.Html(Model.Value, Options));

    [Fact]
    public void Should_Use_A_Customised_Partial_And_The_Built_In_Templates_For_The_Rest()
    {
        Write("partials/signoff.hbs", "<section id=\"sign-off\"><p>Accepted by the ACME audit board for {{Report.Cover.ReportId}}</p></section>\n");

        var html = Reports.Html(Model.Value, Options);

        Assert.Contains($"Accepted by the ACME audit board for {Model.Value.Cover.ReportId}", html);
        Assert.DoesNotContain("Approved by", html);
        Assert.Contains("<header class=\"cover\" id=\"cover\">", html);
    }

    [Fact]
    public void Should_Hash_A_Customised_Stylesheet_Into_The_Content_Security_Policy()
    {
        Write("assets/style.css.hbs", "body{color:#000}");

        var html = Reports.Html(Model.Value, Options);

        Assert.Contains("<style>body{color:#000}</style>", html);
        Assert.Contains("style-src &#x27;sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("body{color:#000}"u8)).Replace("=", "&#x3D;", StringComparison.Ordinal), html);
    }

    [Fact]
    public void Should_Name_The_File_And_Line_Of_A_Template_That_Does_Not_Parse()
    {
        var path = Write("partials/host.hbs", "<section>\n{{#if View.Host}}\n<h3>{{View.Host}}</h3>\n");

        Assert.StartsWith($"{path}: ", Failure().Message);
    }

    [Fact]
    public void Should_Reject_An_Indented_Partial_Call_Because_It_Would_Not_Be_Escaped()
    {
        var path = Write("partials/host.hbs", "<section>\n  {{> finding}}\n</section>\n");

        Assert.Contains($"{path}:2: a partial call must not be indented", Failure().Message);
    }

    [Fact]
    public void Should_Reject_Unescaped_Output_Of_Model_Text()
    {
        var path = Write("partials/finding.hbs", "<p>{{{Message}}}</p>\n");

        Assert.Contains($"{path}:1: '{{{{{{Message}}}}}}' writes without HTML escaping", Failure().Message);
    }

    [Fact]
    public void Should_Name_A_Partial_That_Does_Not_Exist()
    {
        var path = Write("report.hbs", "<html>\n<body>\n{{> cover}}{{> logo}}\n</body>\n</html>\n");

        Assert.Equal($"{path}:3: partial 'logo' not found (no partials/logo.hbs)", Failure().Message);
    }

    [Fact]
    public void Should_Say_So_When_The_Templates_Folder_Does_Not_Exist()
    {
        var missing = Path.Combine(_folder.FullName, "nope");

        Assert.Equal($"the templates folder '{missing}' does not exist",
            Assert.Throws<TemplateException>(() => Reports.Html(Model.Value, new ReportOptions { TemplatesDirectory = missing })).Message);
    }

    [Fact]
    public void Should_Name_The_Templates_When_A_Value_Does_Not_Exist_In_The_Model()
    {
        Write("partials/method.hbs", "<section id=\"method\">{{Report.Methods}}</section>\n");

        Assert.Contains($"the HTML templates in {_folder.FullName}: ", Failure().Message);
    }
}
