using Bunit;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Web.Components.Pages.Explore;
using MudBlazor;

namespace LatentWorkbench.Web.Tests.Components;

[Collection(ToyComponentCollection.Name)]
public sealed class ExploreTests(ToyModelFixture toy)
{
    private const string From = "[data-test=from] input, input[data-test=from]";
    private const string To = "[data-test=to] input, input[data-test=to]";

    [Fact]
    public async Task Explore_StartsWithTwoSamples_AndCanRun()
    {
        await using var context = ToyContext.Create(toy);
        context.Render<MudPopoverProvider>();
        var cut = context.Render<Explore>(p => p.Add(x => x.DomainId, "toy"));
        Assert.Equal("ABC", cut.Find(From).GetAttribute("value"));
        Assert.Equal("HAHA", cut.Find(To).GetAttribute("value"));
        Assert.False(cut.Find("[data-test=interpolate]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Explore_InvalidItem_ShowsThePositionAndDisablesTheButton()
    {
        await using var context = ToyContext.Create(toy);
        context.Render<MudPopoverProvider>();
        var cut = context.Render<Explore>(p => p.Add(x => x.DomainId, "toy"));
        cut.Find(From).Input("ABZ");
        cut.WaitForAssertion(() => Assert.Contains("position 2", cut.Markup));
        Assert.True(cut.Find("[data-test=interpolate]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Explore_Interpolate_ShowsOneCardPerStep()
    {
        await using var context = ToyContext.Create(toy);
        context.Render<MudPopoverProvider>();
        var cut = context.Render<Explore>(p => p.Add(x => x.DomainId, "toy"));
        cut.Find("[data-test=interpolate]").Click();
        cut.WaitForAssertion(() => Assert.Equal(8, cut.FindAll(".path-card").Count), TimeSpan.FromSeconds(30));
        Assert.Contains("sim from", cut.Markup);
    }
}
