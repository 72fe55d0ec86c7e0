using System.Text.RegularExpressions;
using Bunit;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Core.Workbench;
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
    public void TrajectoryRuns_RepeatedDecodes_BecomeOneRunEach_InOrder()
    {
        static LatentPoint Point(int step, string text, bool valid = true) =>
            new(step, text, valid, null, new Dictionary<string, double>(), new Dictionary<string, double>(), 0, valid ? null : "invalid", []);
        var runs = TrajectoryRun.Of([Point(0, "AB"), Point(1, "AB"), Point(2, "AB"), Point(3, "ABB"), Point(4, "ABB", valid: false), Point(5, "AB")]);
        Assert.Equal(["steps 0–2", "step 3", "step 4", "step 5"], runs.Select(r => r.Caption));
        Assert.Equal(["AB", "ABB", "ABB", "AB"], runs.Select(r => r.Point.Text));
        Assert.Empty(TrajectoryRun.Of([]));
    }

    [Fact]
    public async Task Navigate_Run_ShowsTrajectoryAndCandidates_AndSavesTheSession()
    {
        await using var context = ToyContext.Create(toy);
        var cut = Render(context);
        cut.Find("[data-test=navigate]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Done", cut.Find("[data-test=progress]").TextContent), TimeSpan.FromSeconds(60));
        // One card per run of equal decodes; the runs' steps tile the trajectory (0 to its last step, in order).
        var points = int.Parse(Regex.Match(cut.Find("[data-test=trajectory-title]").TextContent, @"\((\d+) points").Groups[1].Value);
        var next = 0;
        foreach (var caption in cut.FindAll("[data-test=trajectory] [data-test=point-caption]").Select(e => e.TextContent))
        {
            var steps = Regex.Matches(caption, @"\d+").Select(m => int.Parse(m.Value)).ToArray();
            Assert.Equal(next, steps[0]);
            next = steps[^1] + 1;
        }
        Assert.Equal(points, next);
        var session = Assert.Single(context.Services.GetRequiredService<SessionStore>().List(ItemAccess.Everyone, "toy"));
        Assert.Equal(SessionStore.Navigation, session.Kind);
        Assert.EndsWith(" from abc", session.Title); // the start by its sample name
        if (cut.FindAll("[data-test=as-a]").Count > 0)
            Assert.StartsWith("explore/toy?a=", cut.Find("[data-test=as-a]").GetAttribute("href"));
    }
}
