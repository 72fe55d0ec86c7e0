using Bunit;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Web.Components.Pages.Navigate;
using LatentWorkbench.Storage;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace LatentWorkbench.Web.Tests.Components;

[Collection(ToyComponentCollection.Name)]
public sealed class NavigateTests(ToyModelFixture toy)
{
    private const string Start = "[data-test=start] input, input[data-test=start]";

    private static IRenderedComponent<Navigate> Render(BunitContext context)
    {
        context.Render<MudPopoverProvider>();
        return context.Render<Navigate>(p => p.Add(x => x.DomainId, "toy"));
    }

    [Fact]
    public async Task Navigate_DefaultsToTheFirstPropertyWithABetterDirection()
    {
        await using var context = ToyContext.Create(toy);
        var cut = Render(context);
        Assert.Equal("a_share", cut.Find("[data-test=objective-property]").GetAttribute("value"));
        Assert.Equal("max", cut.Find("[data-test=objective-direction]").GetAttribute("value"));
        Assert.Empty(cut.FindAll("[data-test=objective-target]"));
        cut.Find("[data-test=objective-direction]").Change("target");
        Assert.Single(cut.FindAll("[data-test=objective-target]"));
    }

    [Fact]
    public async Task Navigate_InvalidStart_DisablesTheButton()
    {
        await using var context = ToyContext.Create(toy);
        var cut = Render(context);
        cut.Find(Start).Input("AZ");
        cut.WaitForAssertion(() => Assert.Contains("position 1", cut.Markup));
        Assert.True(cut.Find("[data-test=navigate]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Navigate_Run_ShowsTrajectoryAndCandidates_AndSavesTheSession()
    {
        await using var context = ToyContext.Create(toy);
        var cut = Render(context);
        cut.Find("[data-test=navigate]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Done", cut.Find("[data-test=progress]").TextContent), TimeSpan.FromSeconds(60));
        Assert.NotEmpty(cut.FindAll("[data-test=trajectory] [data-test=point-card]"));
        var session = Assert.Single(context.Services.GetRequiredService<SessionStore>().List(ItemAccess.Everyone, "toy"));
        Assert.Equal(SessionStore.Navigation, session.Kind);
        if (cut.FindAll("[data-test=as-a]").Count > 0)
            Assert.StartsWith("explore/toy?a=", cut.Find("[data-test=as-a]").GetAttribute("href"));
    }
}
