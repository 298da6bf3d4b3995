using Microsoft.Playwright;
using PortCompliance.Reporting.Model;

namespace PortCompliance.Reporting.Tests.Support;

/// <summary>
/// One headless Chromium for a test class — Debian's, never a downloaded one — and one report.html on disk: two
/// genuine hosts (one read as web01) and the hostile one. Each test opens it in a fresh page.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Where CI and developers have Chromium (apt install chromium); CHROMIUM overrides it.</summary>
    private static readonly string Executable = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium";

    private static readonly string[] Arguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pc-html-e2e");
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    internal ReportModel Model { get; } = Hostile.Model(
        Reports.Read("samples/ss/ss-lntup-debian12-db.txt"), Reports.Read("samples/netstat/netstat-plunt-debian12-web.txt", "web01"));

    internal string ReportUrl => new Uri(Path.Combine(_folder.FullName, "report.html")).AbsoluteUri;

    public async ValueTask InitializeAsync()
    {
        Assert.True(File.Exists(Executable), $"no Chromium at {Executable}: apt-get install chromium, or set CHROMIUM");
        await File.WriteAllTextAsync(Path.Combine(_folder.FullName, "report.html"), Reports.Html(Model, Hostile.Options));
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Executable, Args = Arguments });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _folder.Delete(recursive: true);
    }

    /// <summary>The report in a new page, with every console error, request and dialog it causes recorded.</summary>
    internal async Task<ReportPage> OpenAsync(int width = 1280)
    {
        var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        var opened = new ReportPage(context, page);
        page.Console += (_, message) => opened.Record(message.Type == "error" ? $"console error: {message.Text}" : null);
        page.PageError += (_, error) => opened.Record($"page error: {error}");
        page.Request += (_, request) => opened.Requests.Enqueue(request.Url);
        page.Dialog += async (_, dialog) =>
        {
            opened.Record($"dialog: {dialog.Message}");
            await dialog.DismissAsync();
        };

        // Nothing but the file itself may load; anything else is refused here, and recorded above.
        await page.RouteAsync("**/*", route => route.Request.Url == ReportUrl ? route.ContinueAsync() : route.AbortAsync());
        await page.GotoAsync(ReportUrl);
        return opened;
    }
}
