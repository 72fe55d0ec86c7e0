using Microsoft.Playwright;

namespace LatentWorkbench.Web.Tests.EndToEnd;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// Debian's Chromium driven by Playwright, plus the real app on a loopback port. No browser is ever downloaded: when
/// <see cref="ChromiumPath"/> is missing, <see cref="SkipReason"/> says so and the tests skip.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public RealAppFactory App { get; } = new();

    public string? SkipReason { get; private set; }

    /// <summary>Where screenshots of each flow are kept (test output, TestResults/screenshots).</summary>
    public string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            SkipReason = $"Chromium not found at {ChromiumPath} (install Debian's chromium; .ci/run does)";
            return;
        }
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    /// <summary>A new page at <paramref name="path"/> once the Blazor circuit is interactive.</summary>
    public async Task<IPage> OpenAsync(string path)
    {
        var page = await Browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(new Uri(App.BaseAddress, path).ToString());
        await page.Locator("[data-test=circuit][data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        return page;
    }

    /// <summary>Skips a music flow while the app has no music model (it reads Models:music from the environment too, else the default checkpoint).</summary>
    public static void SkipWithoutMusicModel()
    {
        var modelFolder = Environment.GetEnvironmentVariable("Models__music")
            ?? LatentWorkbench.Core.Domains.ModelLocator.DefaultModelFolder(new LatentWorkbench.Domains.Music.MusicModule());
        Skip.IfNot(File.Exists(Path.Combine(modelFolder, "config.json")), $"no default music model at {modelFolder} yet");
    }

    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
