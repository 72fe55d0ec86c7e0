using Bunit;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Web.Components.Pages.Home;

namespace LatentWorkbench.Web.Tests.Components;

[Collection(ToyComponentCollection.Name)]
public sealed class HomeTests(ToyModelFixture toy)
{
    [Fact]
    public async Task Home_ShowsEachDomainAndItsModelState()
    {
        await using var context = ToyContext.Create(toy);
        var cut = context.Render<Home>();
        var card = cut.Find("[data-domain=toy]");
        Assert.Contains("Toy letters", card.TextContent);
        Assert.Contains("model ready", card.TextContent);
    }
}
