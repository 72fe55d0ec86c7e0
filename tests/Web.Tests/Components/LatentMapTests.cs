using Bunit;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Web.Components.Pages.Map;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Web.Services;
using LatentWorkbench.Storage;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace LatentWorkbench.Web.Tests.Components;

[Collection(ToyComponentCollection.Name)]
public sealed class LatentMapTests(ToyModelFixture toy)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Map_DrawsOnOpen_ANodePerItem_OutlinedByTheChosenProperty()
    {
        await using var context = ToyContext.Create(toy);
        var library = context.Services.GetRequiredService<LibraryStore>();
        foreach (var text in new[] { "ABBA", "CHAD", "EDDA" }) library.Add(ItemAccess.Everyone, "toy", text);
        var cut = Open(context);
        // Three library items and the toy domain's two samples, with no button to press first.
        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("[data-test=map-node]").Count), Wait);
        var before = Outlines(cut);
        cut.Find("[data-test=colour-by]").Change("length");
        cut.WaitForAssertion(() => Assert.NotEqual(before, Outlines(cut)), Wait);
        Assert.Contains("length", cut.Find("[data-test=map-panel]").TextContent);
    }

    [Fact]
    public async Task Map_DrawsTheLatestPathAndTrajectory_AsLinksThroughTheirDecodedPoints()
    {
        await using var context = ToyContext.Create(toy);
        var hub = context.Services.GetRequiredService<ModelHub>();
        var sessions = context.Services.GetRequiredService<SessionStore>();
        var path = await hub.Get("toy").RunAsync(m => m.Interpolate("ABCA", "HEHD", 5).ToArray());
        sessions.Save(ItemAccess.Everyone, SessionStore.Interpolation, "toy", "path", new { }, path);
        var walk = await hub.Get("toy").RunAsync(m => m.Navigate(new NavigationRequest("BCDE", ObjectiveParser.Parse("a_share:max"), 0, new AscentSettings(Steps: 6))));
        sessions.Save(ItemAccess.Everyone, SessionStore.Navigation, "toy", "walk", new { }, walk);
        var cut = Open(context);
        cut.WaitForAssertion(() => Assert.Equal(walk.Trajectory.Count, cut.FindAll("[data-test=map-trail-point][data-trail=trajectory]").Count), Wait);
        // Neither end of the saved path is an item on the map, so every decoded point is a dot, linked in order.
        Assert.Equal(path.Length, cut.FindAll("[data-test=map-trail-point][data-trail=path]").Count);
        Assert.Equal(path.Length - 1 + walk.Trajectory.Count - 1, cut.FindAll(".diagram-link").Count);
    }

    [Fact]
    public async Task Map_ATrailPointThatIsAnItemOnTheMap_IsThatItemsNode_NotADotDrawnOverIt()
    {
        await using var context = ToyContext.Create(toy);
        context.Services.GetRequiredService<LibraryStore>().Add(ItemAccess.Everyone, "toy", "BCDE");
        var hub = context.Services.GetRequiredService<ModelHub>();
        var walk = await hub.Get("toy").RunAsync(m => m.Navigate(new NavigationRequest("BCDE", ObjectiveParser.Parse("a_share:max"), 0, new AscentSettings(Steps: 6))));
        Assert.Equal("BCDE", walk.Trajectory[0].Text);
        context.Services.GetRequiredService<SessionStore>().Save(ItemAccess.Everyone, SessionStore.Navigation, "toy", "walk", new { }, walk);
        var cut = Open(context);
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-test=map-node]").Count), Wait);
        var items = cut.FindAll("[data-test=map-node]").Select(n => n.GetAttribute("title")!.Split(':')[1].Trim().Split(' ')[0]).ToHashSet();
        var dots = cut.FindAll("[data-test=map-trail-point][data-trail=trajectory]");
        Assert.Equal(walk.Trajectory.Count(p => !(p.Valid && items.Contains(p.Text))), dots.Count);
        Assert.DoesNotContain(dots, d => d.GetAttribute("title")!.EndsWith(": BCDE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Map_TwoChosenNodes_Interpolate_DrawsThePathBetweenThem_AndSavesItForExplore()
    {
        await using var context = ToyContext.Create(toy);
        var cut = Open(context);
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-test=map-node]").Count), Wait);
        Choose(cut, 0, ctrl: false);
        cut.WaitForAssertion(() => Assert.Contains("navigate/toy?start=ABC", cut.Find("[data-test=map-navigate]").GetAttribute("href")), Wait);
        Choose(cut, 1, ctrl: true);
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-test=picked]").Count), Wait);
        cut.Find("[data-test=map-interpolate]").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-test=map-path-saved]")), Wait);
        var saved = context.Services.GetRequiredService<SessionStore>().List(ItemAccess.Everyone, "toy").Single(s => s.Kind == SessionStore.Interpolation);
        Assert.EndsWith($"explore/toy?session={saved.Id}", cut.Find("[data-test=map-open-path]").GetAttribute("href"));
        // The links run from the first node through the inner points to the second: an inner point that decodes to an item
        // on the map is that item's node, the others are dots.
        var path = SessionStore.ResultOf<LatentPoint[]>(context.Services.GetRequiredService<SessionStore>().Get(ItemAccess.Everyone, saved.Id)!)!;
        var items = cut.FindAll("[data-test=map-node]").Select(n => n.GetAttribute("title")!.Split(':')[1].Trim().Split(' ')[0]).ToHashSet();
        var chain = new List<string> { path[0].Text };
        foreach (var (point, i) in path[1..^1].Select((p, i) => (p, i)))
        {
            var key = point.Valid && items.Contains(point.Text) ? point.Text : $"dot {i}";
            if (chain[^1] != key) chain.Add(key);
        }
        if (chain[^1] != path[^1].Text) chain.Add(path[^1].Text);
        Assert.Equal(chain.Count(k => k.StartsWith("dot", StringComparison.Ordinal)), cut.FindAll("[data-test=map-trail-point][data-trail=path]").Count);
        Assert.Equal(chain.Count - 1, cut.FindAll(".diagram-link").Count);
    }

    [Fact]
    public async Task Map_GroupsItemsByTheirFirstTag_WhenAsked()
    {
        await using var context = ToyContext.Create(toy);
        var library = context.Services.GetRequiredService<LibraryStore>();
        library.Add(ItemAccess.Everyone, "toy", "ABBA", tags: ["jazz"]);
        library.Add(ItemAccess.Everyone, "toy", "ABAB", tags: ["jazz"]);
        library.Add(ItemAccess.Everyone, "toy", "CHAD", tags: ["classical"]);
        var cut = Open(context);
        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("[data-test=map-node]").Count), Wait);
        Assert.Empty(cut.FindAll("[data-test=map-group]"));
        cut.Find("input[data-test=group-by-tag]").Change(true);
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-test=map-group]").Count), Wait);
        var tags = cut.FindAll("[data-test=map-group]").Select(g => g.GetAttribute("data-tag")).Order().ToList();
        Assert.Equal(["classical", "jazz"], tags);
        // Grouped nodes are still drawn, inside their frames.
        Assert.Equal(5, cut.FindAll("[data-test=map-node]").Count);
    }

    [Fact]
    public async Task Map_TakesTheViewTheBrowserPannedAndZoomedTo_AndABackgroundClickDropsTheChoice()
    {
        await using var context = ToyContext.Create(toy);
        var view = context.JSInterop.SetupModule(i => i.Identifier == "latentMapView.attach");
        var cut = Open(context);
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-test=map-node]").Count), Wait);
        // The page hands the browser its canvas host and the diagram's zoom limits once.
        var attach = context.JSInterop.Invocations["latentMapView.attach"].Single();
        Assert.Contains("max = 4", attach.Arguments[2]!.ToString(), StringComparison.Ordinal);

        await cut.InvokeAsync(() => cut.Instance.SetView(40, -20, 0.5));
        cut.WaitForAssertion(() => Assert.Contains("translate(40px, -20px) scale(0.5)", Layer(cut)), Wait);
        // Nonsense is ignored; a zoom past the limits is held at them.
        await cut.InvokeAsync(() => cut.Instance.SetView(double.NaN, 0, 1));
        await cut.InvokeAsync(() => cut.Instance.SetView(10, 10, -2));
        Assert.Contains("translate(40px, -20px) scale(0.5)", Layer(cut));
        await cut.InvokeAsync(() => cut.Instance.SetView(10, 10, 50));
        cut.WaitForAssertion(() => Assert.Contains("translate(10px, 10px) scale(4)", Layer(cut)), Wait);

        // A click on the background (the browser tells the page) drops the chosen nodes.
        Choose(cut, 0, ctrl: false);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-test=picked]")), Wait);
        await cut.InvokeAsync(cut.Instance.ClearChoice);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-test=picked]")), Wait);

        await cut.InvokeAsync(() => cut.Instance.DisposeAsync().AsTask());
        Assert.Single(view.Invocations["detach"]);
    }

    private static string Layer(IRenderedComponent<LatentMap> cut) => cut.Find(".diagram-html-layer").GetAttribute("style") ?? "";

    [Fact]
    public async Task Map_WhilePrerendering_DrawsNoCanvas_SoNothingCallsTheBrowser()
    {
        await using var context = ToyContext.Create(toy);
        context.Renderer.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        context.Render<MudPopoverProvider>();
        var cut = context.Render<LatentMap>(p => p.Add(x => x.DomainId, "toy"));
        Assert.NotNull(cut.Find("[data-test=map]"));
        Assert.Empty(cut.FindAll(".diagram-canvas"));
        Assert.Empty(cut.FindAll("[data-test=map-node]"));
        Assert.DoesNotContain(context.JSInterop.Invocations, i => i.Identifier.StartsWith("ZBlazorDiagrams", StringComparison.Ordinal));
    }

    private static IRenderedComponent<LatentMap> Open(BunitContext context)
    {
        // The canvas asks the browser for its bounds when it first renders: a 1000 x 700 panel here.
        context.JSInterop.Setup<Blazor.Diagrams.Core.Geometry.Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _ => true)
            .SetResult(new Blazor.Diagrams.Core.Geometry.Rectangle(0, 0, 1000, 700));
        context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        context.Render<MudPopoverProvider>();
        return context.Render<LatentMap>(p => p.Add(x => x.DomainId, "toy"));
    }

    private static List<string?> Outlines(IRenderedComponent<LatentMap> cut) =>
        cut.FindAll("[data-test=map-node]").Select(n => n.GetAttribute("style")).ToList();

    /// <summary>Presses a map node as a pointer would (Ctrl held to add it to the choice).</summary>
    private static void Choose(IRenderedComponent<LatentMap> cut, int index, bool ctrl)
    {
        var node = cut.FindAll(".diagram-node").Where(n => n.QuerySelector("[data-test=map-node]") is not null).ElementAt(index);
        node.PointerDown(new PointerEventArgs { CtrlKey = ctrl, Button = 0 });
        cut.FindAll(".diagram-node").Where(n => n.QuerySelector("[data-test=map-node]") is not null).ElementAt(index)
            .PointerUp(new PointerEventArgs { CtrlKey = ctrl, Button = 0 });
    }
}
