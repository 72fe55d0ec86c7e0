using LatentWorkbench.Web.Components.Pages.Map;
using Microsoft.Playwright;

namespace LatentWorkbench.Web.Tests.EndToEnd;

/// <summary>The latent map in a real browser: nodes drawn on opening, two chosen, the path between them drawn and opened in Explore.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LatentMapFlowTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Map_ChooseTwoMolecules_Interpolate_DrawsThePath_ThenOpensItInExplore()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        var page = await browser.OpenAsync("map/molecules");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-test=map-node]').length >= 2");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.map-node .molecule-depiction svg').length >= 2");
        var nodes = page.Locator("[data-test=map-node]");
        await nodes.Nth(0).ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=map-navigate]")).ToBeVisibleAsync();
        await nodes.Nth(1).ClickAsync(new LocatorClickOptions { Modifiers = [KeyboardModifier.Control] });
        await Assertions.Expect(page.Locator("[data-test=picked]")).ToHaveCountAsync(2);

        await page.Locator("[data-test=map-interpolate]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=map-path-saved]")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        // The path is drawn: links from the first node through the decoded points (dots, or the nodes of items they decode
        // to) to the second.
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.diagram-link path').length >= 1");
        var dots = await page.Locator("[data-test=map-trail-point][data-trail=path]").CountAsync();
        Assert.InRange(dots, 0, LatentMap.PathSteps - 2);
        Assert.True(await page.Locator(".diagram-link path").CountAsync() >= dots + 1);
        await browser.ScreenshotAsync(page, "latent-map-path");

        await page.Locator("[data-test=map-open-path]").ClickAsync();
        await page.WaitForURLAsync("**/explore/molecules?session=*");
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('[data-test=point-card]').length >= {LatentMap.PathSteps}");
    }

    [SkippableFact]
    public async Task Map_PanAndZoomInTheBrowser_TheServerLearnsTheView_TheChoiceIsKept_AndNodesCanStillBeChosen()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        var page = await browser.OpenAsync("map/molecules");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.map-node molecule-depiction[data-depicted=yes]').length >= 2");
        var before = await ViewAsync(page);
        var navigator = await NavigatorAsync(page);
        var box = await page.Locator(".latent-map-canvas").BoundingBoxAsync() ?? throw new InvalidOperationException("no map canvas");

        // A chosen node stays chosen through a pan.
        await page.Locator("[data-test=map-node]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=picked]")).ToHaveCountAsync(1);

        // Drag the background (its top-left corner) by 120 x 60: the layers follow at once, the drawings wait meanwhile.
        float x = box.X + 6, y = box.Y + 6;
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        for (int i = 1; i <= 10; i++) await page.Mouse.MoveAsync(x + 12 * i, y + 6 * i);
        Assert.True(await page.Locator(".latent-map-canvas.latent-map-moving").CountAsync() == 1);
        var panned = await ViewAsync(page);
        Assert.Equal(before.X + 120, panned.X, 0.5);
        Assert.Equal(before.Y + 60, panned.Y, 0.5);
        Assert.Equal(before.Zoom, panned.Zoom, 6);
        await page.Mouse.UpAsync();
        Assert.Equal(0, await page.Locator(".latent-map-moving").CountAsync());
        // The server's own navigator (drawn from the diagram's view) follows once the drag ends; the choice is kept,
        // and a click on the background (no drag) drops it.
        await page.WaitForFunctionAsync("before => (document.querySelector('.latent-map-navigator')?.innerHTML ?? '') !== before", navigator);
        await Assertions.Expect(page.Locator("[data-test=picked]")).ToHaveCountAsync(1);
        await page.Mouse.ClickAsync(x, y);
        await Assertions.Expect(page.Locator("[data-test=picked]")).ToHaveCountAsync(0);

        // The wheel turned away from you zooms in about the pointer: the point under it stays put.
        navigator = await NavigatorAsync(page);
        float cx = box.X + box.Width / 2, cy = box.Y + box.Height / 2;
        await page.Mouse.MoveAsync(cx, cy);
        for (int i = 0; i < 3; i++) await page.Mouse.WheelAsync(0, -100);
        var zoomed = await ViewAsync(page);
        Assert.True(zoomed.Zoom > panned.Zoom * 1.1, $"zoom {panned.Zoom} -> {zoomed.Zoom}");
        double px = cx - box.X, py = cy - box.Y;
        Assert.Equal((px - panned.X) / panned.Zoom, (px - zoomed.X) / zoomed.Zoom, 0.5);
        Assert.Equal((py - panned.Y) / panned.Zoom, (py - zoomed.Y) / zoomed.Zoom, 0.5);
        await page.WaitForFunctionAsync("before => (document.querySelector('.latent-map-navigator')?.innerHTML ?? '') !== before", navigator);

        // "Fit all" is the server's own move, and the browser's next gesture starts from it; pointers on nodes are still
        // the diagram's, so a node can be chosen after the view moved.
        await page.Locator("[data-test=fit]").ClickAsync();
        await page.WaitForFunctionAsync("zoom => !document.querySelector('.diagram-html-layer').style.transform.includes('scale(' + zoom + ')')", zoomed.Zoom);
        await page.Locator("[data-test=map-node]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=map-navigate]")).ToBeVisibleAsync();
    }

    /// <summary>The pan and zoom of the map's node layer, as its transform says.</summary>
    private static async Task<(double X, double Y, double Zoom)> ViewAsync(IPage page)
    {
        var view = await page.EvaluateAsync<double[]>(@"() => {
            const m = /translate\(\s*([-\d.e+]+)px,\s*([-\d.e+]+)px\)\s*scale\(\s*([\d.e+-]+)\)/.exec(document.querySelector('.diagram-html-layer').style.transform);
            return [+m[1], +m[2], +m[3]]; }");
        return (view[0], view[1], view[2]);
    }

    private static Task<string> NavigatorAsync(IPage page) =>
        page.EvaluateAsync<string>("() => document.querySelector('.latent-map-navigator')?.innerHTML ?? ''");
}
