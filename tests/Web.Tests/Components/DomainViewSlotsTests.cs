using Bunit;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Web.Components.Shared;
using LatentWorkbench.Web.Tests.Components.TestViews;
using MudBlazor;
using MudBlazor.Services;

namespace LatentWorkbench.Web.Tests.Components;

/// <summary>The host renders a domain's optional views: its property panel on cards and its editor in place of the text field.</summary>
public sealed class DomainViewSlotsTests : IAsyncLifetime
{
    private readonly BunitContext _context = new();
    private readonly ToyDomain _plain = new();
    private readonly ToyDomain _viewed = new() { Views = new DomainViews(typeof(object), typeof(TestPanel), typeof(TestEditor)) };

    public DomainViewSlotsTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
    }

    private static LatentPoint Point(string text, bool valid) => new(0, text, valid, null,
        valid ? new Dictionary<string, double> { ["a_share"] = ToyDomain.AShare(text), ["length"] = text.Length } : new Dictionary<string, double>(),
        new Dictionary<string, double>(), double.NaN, valid ? null : "bad", []);

    [Fact]
    public void PointCard_ShowsTheDomainPanelInPlaceOfThePropertyList()
    {
        var cut = _context.Render<PointCard>(p => p.Add(c => c.Domain, _viewed).Add(c => c.Point, Point("ABA", true)));
        Assert.Equal("ABA has 2 properties", cut.Find("[data-test=property-panel] .test-panel").TextContent);
        Assert.DoesNotContain("Share of A:", cut.Markup);

        var plain = _context.Render<PointCard>(p => p.Add(c => c.Domain, _plain).Add(c => c.Point, Point("ABA", true)));
        Assert.Empty(plain.FindAll("[data-test=property-panel]"));
        Assert.Contains("Share of A: 0.67", plain.Markup);
    }

    [Fact]
    public void PointCard_InvalidPoint_ShowsNoPanel()
    {
        var cut = _context.Render<PointCard>(p => p.Add(c => c.Domain, _viewed).Add(c => c.Point, Point("HH", false)));
        Assert.Empty(cut.FindAll(".test-panel"));
    }

    [Fact]
    public void ItemInput_UsesTheDomainEditor_BoundBothWays_AndStillValidates()
    {
        string? raised = null;
        var cut = _context.Render<ItemInput>(p => p.Add(c => c.Domain, _viewed).Add(c => c.Text, "ABC")
            .Add(c => c.TextChanged, (string t) => raised = t).Add(c => c.DataTest, "from"));
        Assert.Empty(cut.FindComponents<MudTextField<string>>());
        Assert.Equal("ABC", cut.Find("input.test-editor").GetAttribute("value"));

        cut.Find("input.test-editor").Change("ABHH");
        Assert.Equal("ABHH", raised);
        Assert.NotEmpty(cut.Find("[data-test=from-error]").TextContent);

        cut.Render(p => p.Add(c => c.Text, "BAD"));
        Assert.Equal("BAD", cut.Find("input.test-editor").GetAttribute("value"));
        Assert.Empty(cut.FindAll("[data-test=from-error]"));
    }

    [Fact]
    public void ItemInput_WithoutAnEditor_ShowsTheTextField() =>
        Assert.Single(_context.Render<ItemInput>(p => p.Add(c => c.Domain, _plain)).FindComponents<MudTextField<string>>());

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable.
    public Task DisposeAsync() => _context.DisposeAsync().AsTask();
}
