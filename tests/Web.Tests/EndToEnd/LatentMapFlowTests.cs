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
}
