using PortCompliance.Reporting.Model;
using System.Text;
using PortCompliance.Core.Model;
using PortCompliance.Reporting.Html;
using PortCompliance.Reporting.Tests.Support;
using PortCompliance.Tests.Shared;

namespace PortCompliance.Reporting.Tests.Html;

/// <summary>report.html for real samples on a fixed day, compared byte for byte with the goldens beside this file.</summary>
public sealed class HtmlGoldenTests
{
    private static string Golden(string name) => RepoPaths.Combine("tests", "PortCompliance.Reporting.Tests", "Html", "Golden", name);

    /// <summary>Two hosts (one read under the name web01), an active and an expired waiver, unparsed lines, an unreadable input.</summary>
    internal static ReportModel WaiversModel()
    {
        var policy = Reports.PolicyFile("tests/PortCompliance.Reporting.Tests/Html/Fixtures/waivers.yaml");
        var hosts = new[]
        {
            Reports.Read("samples/netstat/netstat-plunt-debian12-web.txt", "web01"),
            Reports.Read("samples/docs/seed003-netstat-plunt-raw.txt"),
        };
        var unreadable = new InputProblem("samples/incoming/db07.txt", 0, "cannot be read: permission denied");
        return Reports.Model(hosts, policy, [unreadable]);
    }

    [Fact]
    public void Should_Match_Golden_Html_For_A_Database_Host()
    {
        var model = Reports.Model(Reports.Audit([Reports.Read("samples/ss/ss-lntup-debian12-db.txt")]));

        Snapshot.Match(Reports.Html(model), Golden("ss-lntup-debian12-db.html"));
    }

    [Fact]
    public void Should_Match_Golden_Html_With_Waivers_Unparsed_Lines_And_An_Input_Error()
    {
        var model = WaiversModel();

        Assert.Contains(model.Waivers, w => w.Status == "active");
        Assert.Contains(model.Waivers, w => w.Status == "expired");
        Snapshot.Match(Reports.Html(model), Golden("web01-waivers.html"));
    }

    [Fact]
    public void Should_Show_The_Register_And_Each_Waivers_Approval_With_Its_Gaps_Marked()
    {
        var html = Reports.Html(WaiversModel());
        var register = html[html.IndexOf("<section id=\"register\"", StringComparison.Ordinal)..html.IndexOf("<section id=\"waivers\"", StringComparison.Ordinal)];
        var waived = html[html.IndexOf("<article class=\"finding is-waived\"", StringComparison.Ordinal)..];
        waived = waived[..waived.IndexOf("</article>", StringComparison.Ordinal)];
        const string Flag = "<span class=\"flag\">Flagged: approved by its own owner (separation of duties)</span>";

        Assert.Contains("<td class=\"mono ports\">5666</td><td class=\"text\">whole policy</td><td class=\"text\"><span class=\"gap\">not recorded</span></td>", register);
        Assert.Contains("<td class=\"text\">Dana Whitfield (CISO office)</td><td>2026-03-02</td>", register);
        Assert.Contains("<dt>Owner</dt><dd>ciso</dd>", waived);
        Assert.Contains($"<dt>Approved by</dt><dd>CISO {Flag}</dd>", waived);
        Assert.Contains("<dt>Compensating control</dt><dd>Reachable only from the jump hosts (firewall rule FW-881)", waived);
        Assert.Equal(2 + 1, Count(html[html.IndexOf("<section id=\"waivers\"", StringComparison.Ordinal)..], Flag)); // two uses, one record
    }

    [Fact]
    public void Should_Render_Byte_Identical_Html_For_The_Same_Model()
    {
        var first = Reports.Html(WaiversModel());
        var second = Reports.Html(WaiversModel());

        Assert.Equal(Encoding.UTF8.GetBytes(first), Encoding.UTF8.GetBytes(second));
    }

    [Fact]
    public void Should_Carry_Every_Finding_And_Socket_Of_The_Model()
    {
        var model = WaiversModel();
        var html = Reports.Html(model);

        foreach (var finding in model.Hosts.SelectMany(h => h.Findings))
        {
            Assert.Contains($"<article class=\"finding{(finding.Waived ? " is-waived" : "")}\" id=\"{finding.Id}\"", html);
        }

        Assert.Equal(model.Hosts.Sum(h => h.Sockets.Count), Count(html, "<tr data-filter data-host=\"") - model.Evidence.Count - model.Evidence.Sum(e => e.Unparsed.Count) - model.Waivers.Count);
    }

    [Fact]
    public void Should_Not_Compile_Templates_Until_The_First_Report()
    {
        var renderer = new HtmlRenderer(new ReportOptions { TemplatesDirectory = "/no/such/folder" });

        Assert.Equal("html", renderer.Key);
        Assert.Equal(["report.html"], renderer.Files);
    }

    private static int Count(string text, string fragment)
    {
        var count = 0;
        for (var i = text.IndexOf(fragment, StringComparison.Ordinal); i >= 0; i = text.IndexOf(fragment, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
