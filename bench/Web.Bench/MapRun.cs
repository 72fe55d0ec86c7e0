using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace LatentWorkbench.Web.Bench;

/// <summary>
/// The latent map with many nodes in Debian's Chromium. <c>count</c> held-out molecules go into the library before any
/// page is opened, so the first opening loads the model and encodes every item (a cold start); the second finds their
/// codes kept by the model worker; then 100 more are added (the worker encodes them in the background as they come)
/// and the map is opened a third time; then the app restarts on the same database and the map is opened a fourth time
/// (the model loads again; the codes come from the database). Each opening is timed until every node is on the page and until every drawing
/// is in; on the second, a pan (twenty pointer moves dragging the background) and a zoom (ten wheel steps) are timed
/// by the page's own frames. Prints one line per figure.
/// </summary>
public static class MapRun
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const int Later = 100;

    public static async Task RunAsync(int count)
    {
        if (!File.Exists(ChromiumPath)) { Console.WriteLine($"map bench: skipped ({ChromiumPath} is not installed)"); return; }
        var molecules = HeldOutMolecules.Take(count + Later);
        if (molecules.Count < count + Later) { Console.WriteLine("map bench: skipped (../shared/data/molecules/zinc250k_valid.csv is not beside the checkout)"); return; }
        var database = BenchApp.NewDatabasePath();
        try
        {
            await RunAsync(count, molecules, database);
        }
        finally
        {
            BenchApp.DeleteDatabase(database);
        }
    }

    private static async Task RunAsync(int count, IReadOnlyList<string> molecules, string database)
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox", "--disable-gpu"],
        });
        await using (var app = await BenchApp.StartAsync(database: database))
        {
            await AddAsync(app, molecules.Take(count));
            var url = new Uri(app.Http.BaseAddress!, "map/molecules").ToString();
            await OpenAsync(browser, url, count, (_, opening) => Report(opening, "first opening (model loaded, every item encoded)"));
            await OpenAsync(browser, url, count, async (page, opening) =>
            {
                await Report(opening, "opened again (codes kept)");
                var pan = await PanAsync(page);
                Console.WriteLine($"  pan, 20 pointer moves: {pan.PerMove:0.0} ms per move, {pan.Frames} frames, longest frame {pan.Longest:0} ms; " +
                    $"the server had the new view {pan.Synced:0} ms after release");
                var zoom = await ZoomAsync(page);
                Console.WriteLine($"  zoom, 10 wheel steps: {zoom.PerStep:0.0} ms per step, longest frame {zoom.Longest:0} ms");
            });
            await AddAsync(app, molecules.Skip(count));
            await OpenAsync(browser, url, count + Later, (_, opening) => Report(opening, $"after {Later} more were added (encoded in the background)"));
        }
        // A restart on the same database: the model loads again, and the codes come from the database.
        await using (var restarted = await BenchApp.StartAsync(database: database))
        {
            var url = new Uri(restarted.Http.BaseAddress!, "map/molecules").ToString();
            await OpenAsync(browser, url, count + Later, (_, opening) => Report(opening, "after a restart (model loaded, codes read from the database)"));
        }
    }

    private static async Task AddAsync(BenchApp app, IEnumerable<string> molecules)
    {
        foreach (var smiles in molecules)
            (await app.Http.PostAsJsonAsync("api/library/molecules", new { text = smiles, tags = new[] { "held-out" } })).EnsureSuccessStatusCode();
    }

    private static Task Report(Opening opening, string what)
    {
        Console.WriteLine($"map with {opening.Nodes} nodes, {what}: all nodes on the page {opening.Shown:0} ms after navigation " +
            $"(target 1000 ms); every drawing in {opening.Drawn:0} ms");
        return Task.CompletedTask;
    }

    private sealed record Opening(int Nodes, double Shown, double Drawn);

    private static async Task OpenAsync(IBrowser browser, string url, int count, Func<IPage, Opening, Task> then)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(120_000);
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(url);
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('[data-test=map-node]').length >= {count}");
        var shown = clock.Elapsed.TotalMilliseconds;
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('.map-node molecule-depiction[data-depicted=yes]').length >= {count}");
        var drawn = clock.Elapsed.TotalMilliseconds;
        await then(page, new Opening(await page.Locator("[data-test=map-node]").CountAsync(), shown, drawn));
        await page.CloseAsync();
    }

    /// <summary>
    /// Drags the background by 200 x 100 px in twenty moves: the time per move, the page's frames meanwhile and the
    /// longest of them, and the wait after release until the server's navigator shows the new view.
    /// </summary>
    private static async Task<(double PerMove, int Frames, double Longest, double Synced)> PanAsync(IPage page)
    {
        var box = await page.Locator(".latent-map-canvas").BoundingBoxAsync() ?? throw new InvalidOperationException("no map canvas");
        var navigator = await NavigatorAsync(page);
        // The top-left corner of the canvas is background at the fitted zoom (a margin is kept round the nodes).
        float x = box.X + 6, y = box.Y + 6;
        await page.Mouse.MoveAsync(x, y);
        await StartFramesAsync(page);
        var clock = Stopwatch.StartNew();
        await page.Mouse.DownAsync();
        for (int i = 1; i <= 20; i++) await page.Mouse.MoveAsync(x + 10 * i, y + 5 * i);
        var perMove = clock.Elapsed.TotalMilliseconds / 20;
        var (frames, longest) = await StopFramesAsync(page);
        var released = Stopwatch.StartNew();
        await page.Mouse.UpAsync();
        while (await NavigatorAsync(page) == navigator && released.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(5);
        return (perMove, frames, longest, released.Elapsed.TotalMilliseconds);
    }

    /// <summary>Ten wheel steps over the middle of the map: the time per step and the longest frame meanwhile.</summary>
    private static async Task<(double PerStep, double Longest)> ZoomAsync(IPage page)
    {
        var box = await page.Locator(".latent-map-canvas").BoundingBoxAsync() ?? throw new InvalidOperationException("no map canvas");
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await StartFramesAsync(page);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < 10; i++) await page.Mouse.WheelAsync(0, -100);
        var perStep = clock.Elapsed.TotalMilliseconds / 10;
        var (_, longest) = await StopFramesAsync(page);
        return (perStep, longest);
    }

    /// <summary>Records the page's animation frames from here until <see cref="StopFramesAsync"/>.</summary>
    private static Task StartFramesAsync(IPage page) => page.EvaluateAsync(@"() => {
        const frames = window.__benchFrames = [performance.now()];
        const tick = t => { if (window.__benchFrames === frames) { frames.push(t); requestAnimationFrame(tick); } };
        requestAnimationFrame(tick); }");

    /// <summary>Waits two more frames; the frames recorded and the longest time between two of them.</summary>
    private static async Task<(int Frames, double Longest)> StopFramesAsync(IPage page)
    {
        var gaps = await page.EvaluateAsync<double[]>(@"async () => {
            await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
            const frames = window.__benchFrames; window.__benchFrames = null;
            return frames.slice(1).map((t, i) => t - frames[i]); }");
        return (gaps.Length, gaps.Length == 0 ? 0 : gaps.Max());
    }

    private static Task<string> NavigatorAsync(IPage page) =>
        page.EvaluateAsync<string>("() => document.querySelector('.latent-map-navigator')?.innerHTML ?? ''");
}
