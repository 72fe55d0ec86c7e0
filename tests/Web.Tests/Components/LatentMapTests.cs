using Bunit;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Web.Components.Pages.Map;
using LatentWorkbench.Web.Storage;
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
        foreach (var text in new[] { "ABBA", "CHAD", "EDDA" }) library.Add("toy", text);
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
}
