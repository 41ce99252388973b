using Analytics.TestSupport.Files;
using PuppeteerSharp;

namespace Analytics.Cli.Tests.WebConsole;

/// <summary>
/// The console in headless Chromium: every page loads without a console error or a failed request, the runs page shows
/// a failed and a succeeded run, a pack downloads as a PDF. Each page's screenshot goes to docs/screenshots/console-*.png
/// when ANALYTICS_SCREENSHOTS=1 (to a temporary folder otherwise).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleBrowserTests(ConsoleData data)
{
    public static readonly (string Name, string Path)[] Pages =
    [
        ("runs", "/"),
        ("run", "/runs/{failed}"),
        ("freshness", "/freshness"),
        ("packs", "/packs"),
        ("emails", "/emails"),
        ("catalog", "/catalog"),
        ("catalog-table", "/catalog/marts.win_rates"),
        ("hangfire", "/hangfire/recurring"),
    ];

    [ChromiumFact]
    public async Task Every_console_page_loads_in_chromium_without_console_errors_or_failed_requests()
    {
        using var shots = new TempDirectory();
        var folder = Environment.GetEnvironmentVariable("ANALYTICS_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryFolder.Root, "docs", "screenshots")
            : shots.Path;
        Directory.CreateDirectory(folder);
        await using var browser = await LaunchAsync();
        await using var page = await browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
        var problems = new List<string>();
        page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error)
            {
                problems.Add($"{page.Url}: console error: {e.Message.Text}");
            }
        };
        page.PageError += (_, e) => problems.Add($"{page.Url}: page error: {e.Message}");
        page.RequestFailed += (_, e) => problems.Add($"{page.Url}: request failed: {e.Request.Url}");
        page.Response += (_, e) =>
        {
            if ((int)e.Response.Status >= 400)
            {
                problems.Add($"{page.Url}: {(int)e.Response.Status} for {e.Response.Url}");
            }
        };

        foreach (var (name, path) in Pages)
        {
            var response = await page.GoToAsync(data.Address + path.Replace("{failed}", data.FailedRunId, StringComparison.Ordinal),
                new NavigationOptions { WaitUntil = [WaitUntilNavigation.Networkidle0] });
            Assert.True(response.Ok, $"{path}: {(int)response.Status}");
            await page.ScreenshotAsync(Path.Combine(folder, $"console-{name}.png"), new ScreenshotOptions { FullPage = name != "catalog" });
        }

        Assert.Empty(problems);
    }

    [ChromiumFact]
    public async Task The_runs_page_in_chromium_shows_a_failed_and_a_succeeded_run()
    {
        await using var browser = await LaunchAsync();
        await using var page = await browser.NewPageAsync();
        await page.GoToAsync(data.Address + "/");

        var outcomes = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#runs tr td:nth-child(7)')].map(td => td.innerText)");
        var errors = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#runs tr td:nth-child(8)')].map(td => td.innerText)");

        Assert.Contains("succeeded", outcomes);
        Assert.Contains("failed", outcomes);
        Assert.Contains(ConsoleData.FailedError, errors); // shown as text, not run as a script
    }

    [ChromiumFact]
    public async Task A_qbr_pack_clicked_in_chromium_downloads_as_a_pdf()
    {
        using var downloads = new TempDirectory();
        await using var browser = await LaunchAsync();
        await using var page = await browser.NewPageAsync();
        await page.Client.SendAsync("Browser.setDownloadBehavior", new { behavior = "allow", downloadPath = downloads.Path });
        await page.GoToAsync(data.Address + "/packs");

        await page.ClickAsync("a[href='/packs/2026-Q2/program-qbr-2026-Q2.pdf']");
        var file = Path.Combine(downloads.Path, "program-qbr-2026-Q2.pdf");
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!(File.Exists(file) && new FileInfo(file).Length > 0) && DateTime.UtcNow < until)
        {
            await Task.Delay(100); // the browser writes the download
        }

        Assert.True(File.Exists(file), "the pack was not downloaded");
        var head = new byte[4];
        await using (var stream = File.OpenRead(file))
        {
            await stream.ReadExactlyAsync(head);
        }

        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(head));
    }

    private static Task<IBrowser> LaunchAsync() => Puppeteer.LaunchAsync(new LaunchOptions
    {
        ExecutablePath = ChromiumFactAttribute.Path,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--font-render-hinting=none"],
    });
}
