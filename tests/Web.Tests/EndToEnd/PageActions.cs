using Microsoft.Playwright;

namespace LatentWorkbench.Web.Tests.EndToEnd;

/// <summary>Steps the browser flows share.</summary>
internal static class PageActions
{
    /// <summary>Selects the first option of a native picker whose label contains <paramref name="text"/>.</summary>
    public static async Task PickAsync(IPage page, string select, string text)
    {
        var value = await page.Locator(select).EvaluateAsync<string>(
            "(s, t) => [...s.options].find(o => o.text.includes(t)).value", text);
        await page.Locator(select).SelectOptionAsync(value);
    }
}
