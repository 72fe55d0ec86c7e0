using Bunit;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Web.Components.Pages.Map;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Web.Services;
using LatentWorkbench.Storage;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace LatentWorkbench.Web.Tests.Components;

[Collection(ToyComponentCollection.Name)]
public sealed class LatentMapTests(ToyModelFixture toy)
{
    [Fact]
    public async Task Map_DrawsLibraryAndSamples_ColouredByTheChosenProperty()
    {
        await using var context = ToyContext.Create(toy);
        var library = context.Services.GetRequiredService<LibraryStore>();
        foreach (var text in new[] { "ABBA", "CHAD", "EDDA" }) library.Add(ItemAccess.Everyone, "toy", text);
        context.Render<MudPopoverProvider>();
        var cut = context.Render<LatentMap>(p => p.Add(x => x.DomainId, "toy"));
        Assert.Empty(cut.FindAll("[data-test=map]"));
        cut.Find("[data-test=compute]").Click();
        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("[data-test=map-point]").Count), TimeSpan.FromSeconds(30));
        var before = cut.FindAll("[data-test=map-point]").Select(c => c.GetAttribute("fill")).ToList();
        cut.Find("[data-test=colour-by]").Change("length");
        // The page re-renders after the change event; wait for it rather than reading the old markup.
        cut.WaitForAssertion(() => Assert.Contains("length", cut.Find("[data-test=map-point] title").TextContent), TimeSpan.FromSeconds(10));
        var after = cut.FindAll("[data-test=map-point]").Select(c => c.GetAttribute("fill")).ToList();
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task Map_DrawsTheLatestPathAndNavigationTrajectory()
    {
        await using var context = ToyContext.Create(toy);
        var hub = context.Services.GetRequiredService<ModelHub>();
        var sessions = context.Services.GetRequiredService<SessionStore>();
        var path = await hub.Get("toy").RunAsync(m => m.Interpolate("ABCA", "HEHD", 5).ToArray());
        sessions.Save(ItemAccess.Everyone, SessionStore.Interpolation, "toy", "path", new { }, path);
        var walk = await hub.Get("toy").RunAsync(m => m.Navigate(new NavigationRequest("BCDE", ObjectiveParser.Parse("a_share:max"), 0, new AscentSettings(Steps: 6))));
        sessions.Save(ItemAccess.Everyone, SessionStore.Navigation, "toy", "walk", new { }, walk);
        context.Render<MudPopoverProvider>();
        var cut = context.Render<LatentMap>(p => p.Add(x => x.DomainId, "toy"));
        cut.Find("[data-test=compute]").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-test=map-trajectory]")), TimeSpan.FromSeconds(30));
        Assert.NotEmpty(cut.FindAll("[data-test=map-path]"));
    }
}
