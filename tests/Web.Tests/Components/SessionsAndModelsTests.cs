using Bunit;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Web.Components.Pages.Models;
using LatentWorkbench.Web.Components.Pages.Sessions;
using LatentWorkbench.Web.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace LatentWorkbench.Web.Tests.Components;

[Collection(ToyComponentCollection.Name)]
public sealed class SessionsAndModelsTests(ToyModelFixture toy)
{
    [Fact]
    public async Task Sessions_ListsSavedRuns_WithAnOpenLink_AndRemovesThem()
    {
        await using var context = ToyContext.Create(toy);
        Assert.NotEmpty(context.Render<Sessions>().FindAll("[data-test=empty]"));
        var saved = context.Services.GetRequiredService<SessionStore>().Save(SessionStore.Interpolation, "toy", "ABC → HAHA",
            new { from = "ABC" }, Array.Empty<object>());
        var cut = context.Render<Sessions>();
        Assert.Equal($"explore/toy?session={saved.Id}", cut.Find("[data-test=open]").GetAttribute("href"));
        cut.Find("[data-test=remove]").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-test=session]")));
    }

    [Fact]
    public async Task Models_ShowsTheToyModelAsActive_WithMetricsAndCard()
    {
        await using var context = ToyContext.Create(toy);
        var cut = context.Render<Models>();
        var model = cut.Find("[data-domain=toy] [data-test=model]");
        Assert.Contains("active", model.TextContent);
        Assert.Empty(cut.FindAll("[data-test=activate]"));
    }

    [Fact]
    public async Task Models_WithoutACheckpoint_SaysThereIsNoModel()
    {
        await using var context = ToyContext.Create(toy, toyModelFolder: Path.Combine(Path.GetTempPath(), "no-such-model"));
        var cut = context.Render<Models>();
        Assert.Contains("no trained model yet", cut.Find("[data-domain=toy] [data-test=no-model]").TextContent);
    }
}
