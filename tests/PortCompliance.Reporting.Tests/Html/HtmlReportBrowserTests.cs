using Microsoft.Playwright;
using PortCompliance.Reporting.Model;
using PortCompliance.Reporting.Tests.Support;

namespace PortCompliance.Reporting.Tests.Html;

/// <summary>report.html as a person uses it, in headless Chromium: offline, filterable, sortable, printable, inert to attacks.</summary>
public sealed class HtmlReportBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private IEnumerable<FindingView> Findings => browser.Model.Hosts.SelectMany(h => h.Findings);

    [Fact]
    public async Task Should_Load_Without_Console_Errors_Or_Any_Request_But_The_File_Itself()
    {
        await using var report = await browser.OpenAsync();

        Assert.Empty(report.Problems);
        Assert.Equal([browser.ReportUrl], report.Requests);

        // Both ran under the hash-only Content-Security-Policy: the script showed the filters, the stylesheet styled a badge.
        Assert.True(await report.Page.IsVisibleAsync("#filters"));
        Assert.Equal("uppercase", await report.Page.EvalOnSelectorAsync<string>(".badge", "e => getComputedStyle(e).textTransform"));
    }

    [Fact]
    public async Task Should_Show_Hostile_Text_As_Text_And_Run_None_Of_It()
    {
        await using var report = await browser.OpenAsync();
        var page = report.Page;

        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('img, iframe, object, embed, [onerror], [onload]').length"));
        Assert.Equal(1, await page.EvaluateAsync<int>("() => document.scripts.length"));
        Assert.Equal(Hostile.Host, await page.GetAttributeAsync($"section#{browser.Model.Hosts[^1].Anchor}", "data-host"));
        var text = await page.InnerTextAsync("body");
        Assert.All(Hostile.Payloads, payload => Assert.Contains(payload, text));
        Assert.Empty(report.Problems);
    }

    [Fact]
    public async Task Should_Show_Only_The_Host_Typed_In_The_Host_Filter()
    {
        await using var report = await browser.OpenAsync();
        var web01 = Assert.Single(browser.Model.Hosts, h => h.Host == "web01");

        await report.Page.FillAsync("#f-host", "web01");

        Assert.Equal(["web01"], await report.Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('section.host')].filter(e => e.checkVisibility()).map(e => e.dataset.host)"));
        Assert.Equal(web01.Findings.Count, await report.VisibleAsync("article.finding"));
        Assert.Equal(web01.Sockets.Count, await report.VisibleAsync("table.sockets tbody tr"));
        Assert.Equal(1, await report.VisibleAsync(".hosts-table tbody tr"));
        Assert.Contains($"Showing {web01.Findings.Count} of ", await report.Page.TextContentAsync("#f-count"));

        await report.Page.ClickAsync("#f-clear");

        Assert.Equal(Findings.Count(), await report.VisibleAsync("article.finding"));
        Assert.Equal(browser.Model.Hosts.Count, await report.VisibleAsync("section.host"));
    }

    [Fact]
    public async Task Should_Narrow_Findings_And_Sockets_By_Severity_Rule_And_Text()
    {
        await using var report = await browser.OpenAsync();
        var page = report.Page;

        await page.SelectOptionAsync("#f-sev", "critical");
        Assert.Equal(Findings.Count(f => f.Severity == "critical"), await report.VisibleAsync("article.finding"));
        Assert.Equal(browser.Model.Hosts.Sum(h => h.Sockets.Count(s => s.Status == "critical")), await report.VisibleAsync("table.sockets tbody tr"));

        await page.SelectOptionAsync("#f-rule", "loopback-only");
        Assert.Equal(Findings.Count(f => f.Severity == "critical" && f.Rule == "loopback-only"), await report.VisibleAsync("article.finding"));

        await page.SelectOptionAsync("#f-sev", "");
        await page.SelectOptionAsync("#f-rule", "");
        await page.FillAsync("#f-text", "redis");
        var shown = await report.VisibleTextsAsync("article.finding");
        Assert.NotEmpty(shown);
        Assert.All(shown, text => Assert.Contains("redis", text, StringComparison.OrdinalIgnoreCase));
        Assert.True(shown.Length < Findings.Count());
        Assert.Empty(report.Problems);
    }

    [Fact]
    public async Task Should_Sort_A_Socket_Table_By_The_Column_Header_Clicked()
    {
        await using var report = await browser.OpenAsync();
        var table = report.Page.Locator("table.sockets").First;
        var portHeader = table.Locator("thead th", new() { HasText = "Port" });

        await portHeader.Locator("button").ClickAsync();
        var ascending = await Ports(table);
        await portHeader.Locator("button").ClickAsync();
        var descending = await Ports(table);

        Assert.Equal(ascending.Order(), ascending);
        Assert.Equal(ascending.OrderDescending(), descending);
        Assert.NotEqual(browser.Model.Hosts[0].Sockets.Select(s => s.Port), ascending);
        Assert.Equal("descending", await portHeader.GetAttributeAsync("aria-sort"));
    }

    [Fact]
    public async Task Should_Print_Every_Host_And_Fix_With_The_Filters_Hidden()
    {
        await using var report = await browser.OpenAsync();
        await report.Page.FillAsync("#f-host", "web01");

        await report.Page.EmulateMediaAsync(new() { Media = Media.Print });

        Assert.False(await report.Page.IsVisibleAsync("#filters"));
        Assert.Equal(browser.Model.Hosts.Count, await report.VisibleAsync("section.host"));
        Assert.Equal(Findings.Count(), await report.VisibleAsync("article.finding"));
        Assert.Equal(Findings.Count(f => f.Steps.Count > 0), await report.VisibleAsync("details.fix ol.steps"));
    }

    private static async Task<List<int>> Ports(ILocator table) =>
        [.. (await table.Locator("tbody tr td:nth-child(3)").AllTextContentsAsync()).Select(int.Parse)];
}
