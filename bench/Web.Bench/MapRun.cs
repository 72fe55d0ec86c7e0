using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace LatentWorkbench.Web.Bench;

/// <summary>
/// The latent map with many nodes in Debian's Chromium: <c>count</c> held-out molecules are added to the library, then
/// the map page is opened and timed until every node is on the page, until the drawings are in, and for a pan (twenty
/// pointer moves dragging the background) until the canvas has followed it. Prints one line per figure.
/// </summary>
public static class MapRun
{
    private const string ChromiumPath = "/usr/bin/chromium";

    public static async Task RunAsync(int count)
    {
        if (!File.Exists(ChromiumPath)) { Console.WriteLine($"map bench: skipped ({ChromiumPath} is not installed)"); return; }
        var molecules = HeldOutMolecules.Take(count);
        if (molecules.Count < count) { Console.WriteLine("map bench: skipped (../shared/data/molecules/zinc250k_valid.csv is not beside the checkout)"); return; }
        await using var app = await BenchApp.StartAsync();
        foreach (var smiles in molecules)
            (await app.Http.PostAsJsonAsync("api/library/molecules", new { text = smiles, tags = new[] { "held-out" } })).EnsureSuccessStatusCode();
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox", "--disable-gpu"],
        });
        var url = new Uri(app.Http.BaseAddress!, "map/molecules").ToString();
        // A first visit warms the server (model load, the encoder's first batch) and the browser cache; the second is timed.
        foreach (var timed in new[] { false, true })
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
            page.SetDefaultTimeout(120_000);
            var clock = Stopwatch.StartNew();
            await page.GotoAsync(url);
            var nodes = count + 2; // the library and the domain's samples, at least
            await page.WaitForFunctionAsync($"() => document.querySelectorAll('[data-test=map-node]').length >= {count}");
            var shown = clock.Elapsed.TotalMilliseconds;
            await page.WaitForFunctionAsync($"() => document.querySelectorAll('.map-node .molecule-depiction svg').length >= {count}");
            var drawn = clock.Elapsed.TotalMilliseconds;
            var onPage = await page.Locator("[data-test=map-node]").CountAsync();
            var pan = await PanAsync(page);
            if (timed)
            {
                Console.WriteLine($"map with {onPage} nodes (>= {Math.Min(nodes, onPage)} asked): all nodes on the page {shown:0} ms after navigation (target 1000 ms)");
                Console.WriteLine($"  every molecule drawing in: {drawn:0} ms");
                Console.WriteLine($"  pan, 20 pointer moves: {pan.Moves:0} ms to send, canvas followed {pan.Followed:0} ms after the last move ({pan.Moves / 20:0.0} ms per move)");
            }
            await page.CloseAsync();
        }
    }

    /// <summary>Drags the background by 200 px in twenty moves; returns the time to send them and the wait until the layer moved.</summary>
    private static async Task<(double Moves, double Followed)> PanAsync(IPage page)
    {
        var box = await page.Locator(".latent-map-canvas").BoundingBoxAsync() ?? throw new InvalidOperationException("no map canvas");
        var before = await LayerTransformAsync(page);
        // The top-left corner of the canvas is background at the fitted zoom (a margin is kept round the nodes).
        float x = box.X + 6, y = box.Y + 6;
        var clock = Stopwatch.StartNew();
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        for (int i = 1; i <= 20; i++) await page.Mouse.MoveAsync(x + 10 * i, y + 5 * i);
        await page.Mouse.UpAsync();
        var moves = clock.Elapsed.TotalMilliseconds;
        var wait = Stopwatch.StartNew();
        while (await LayerTransformAsync(page) == before && wait.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(5);
        return (moves, wait.Elapsed.TotalMilliseconds);
    }

    private static Task<string> LayerTransformAsync(IPage page) =>
        page.EvaluateAsync<string>("() => document.querySelector('.diagram-html-layer')?.getAttribute('style') ?? ''");
}
