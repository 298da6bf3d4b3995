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
        Write("partials/signoff.sbn", "<section id=\"sign-off\"><p>Accepted by the ACME audit board for {{ Report.Cover.ReportId }}</p></section>\n");

        var html = Reports.Html(Model.Value, Options);

        Assert.Contains($"Accepted by the ACME audit board for {Model.Value.Cover.ReportId}", html);
        Assert.DoesNotContain("<p class=\"role\">Approved by</p>", html); // the built-in sign-off's (a register column has the words too)
        Assert.Contains("<header class=\"cover\" id=\"cover\">", html);
    }

    [Fact]
    public void Should_Hash_A_Customised_Stylesheet_Into_The_Content_Security_Policy()
    {
        Write("assets/style.css.sbn", "body{color:#000}");

        var html = Reports.Html(Model.Value, Options);

        Assert.Contains("<style>body{color:#000}</style>", html);
        Assert.Contains("style-src &#x27;sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("body{color:#000}"u8)).Replace("=", "&#x3D;", StringComparison.Ordinal), html);
    }

    [Fact]
    public void Should_Name_The_File_Line_And_Column_Of_A_Template_That_Does_Not_Parse()
    {
        var path = Write("partials/host.sbn", "<section>\n{{ if View.Host }}\n<h3>{{ View.Host }}</h3>\n");

        // Scriban reports where the missing {{ end }} was due: the end of the file.
        Assert.StartsWith($"{path}:3:20: ", Failure().Message);
    }

    [Fact]
    public void Should_Escape_An_Indented_Partial_Exactly_Once()
    {
        Write("partials/method.sbn", "<section id=\"method\">\n  {{ include 'th' Report.Cover.PolicyTitle }}\n</section>\n");

        var html = Reports.Html(Hostile.Model(), Options);

        Assert.Contains($"  <th scope=\"col\"><button type=\"button\" class=\"sort\">&lt;script&gt;alert(1)&lt;/script&gt; &lt;svg", html);
        Assert.DoesNotContain("&amp;lt;", html);
    }

    [Fact]
    public void Should_Reject_Unescaped_Output_Of_Model_Text()
    {
        var path = Write("partials/finding.sbn", "<p>{{ raw Message }}</p>\n");

        Assert.Contains($"{path}:1:7: 'raw Message' would write without HTML escaping", Failure().Message);
    }

    [Fact]
    public void Should_Refuse_Raw_On_Text_Handed_To_It_Under_An_Allowed_Name()
    {
        var path = Write("partials/signoff.sbn", "<section id=\"sign-off\">\n{{ Css = Report.Cover.Title }}{{ raw Css }}</section>\n");

        Assert.StartsWith($"{path}:2:34: raw writes only markup the renderer built", Failure().Message);
    }

    [Fact]
    public void Should_Name_A_Partial_That_Does_Not_Exist()
    {
        var path = Write("report.sbn", "<html>\n<body>\n{{ include 'cover' }}{{ include 'logo' }}\n</body>\n</html>\n");

        Assert.Equal($"{path}:3:25: partial 'logo' not found (no partials/logo.sbn)", Failure().Message);
    }

    [Fact]
    public void Should_Refuse_A_Folder_Of_Handlebars_Templates_Instead_Of_Ignoring_It()
    {
        var path = Write("partials/signoff.hbs", "<section id=\"sign-off\">{{Report.Cover.ReportId}}</section>\n");

        Assert.StartsWith($"{path}: a Handlebars template; the HTML templates are Scriban now (.sbn)", Failure().Message);
    }

    [Fact]
    public void Should_Render_An_Edited_Copy_Of_A_Built_In_Template_With_A_Script_Process_Name_As_Text()
    {
        var original = File.ReadAllText(PortCompliance.Tests.Shared.RepoPaths.Combine("templates", "partials", "host.sbn"));
        var edited = original.Replace("<dl class=\"meta\">", "<p class=\"owner\">Checked by ACME for {{ view.Host }}</p>\n<dl class=\"meta\">", StringComparison.Ordinal);
        Assert.NotEqual(original, edited);
        Write("partials/host.sbn", edited);

        var html = Reports.Html(Hostile.Model(), Options);

        Assert.Contains("<p class=\"owner\">Checked by ACME for db&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;</p>", html);
        Assert.Contains("<td class=\"text\">&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>alert", html);
    }

    [Fact]
    public void Should_Say_So_When_The_Templates_Folder_Does_Not_Exist()
    {
        var missing = Path.Combine(_folder.FullName, "nope");

        Assert.Equal($"the templates folder '{missing}' does not exist",
            Assert.Throws<TemplateException>(() => Reports.Html(Model.Value, new ReportOptions { TemplatesDirectory = missing })).Message);
    }

    [Fact]
    public void Should_Name_File_Line_And_Column_When_A_Value_Does_Not_Exist_In_The_Model()
    {
        var path = Write("partials/method.sbn", "<section id=\"method\">{{ Report.Methods }}</section>\n");

        Assert.StartsWith($"{path}:1:", Failure().Message);
        Assert.Contains("Methods", Failure().Message);
    }
}
