using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace LatentWorkbench.Core.Tests.Contract;

/// <summary>The module's views, rendered with bUnit from the types it declares, as the host renders them.</summary>
public abstract partial class DomainModuleContractTests
{
    private static bool IsComponent(Type? type) => type is not null && typeof(IComponent).IsAssignableFrom(type);

    [Fact]
    public void Views_OptionalSlotsAreComponents()
    {
        var views = Module.Views;
        Assert.True(views.PropertyPanel is null || IsComponent(views.PropertyPanel), $"PropertyPanel {views.PropertyPanel} is not a Razor component");
        Assert.True(views.ItemEditor is null || IsComponent(views.ItemEditor), $"ItemEditor {views.ItemEditor} is not a Razor component");
    }

    [Fact]
    public async Task Views_RenderEachSample()
    {
        await using var context = new BunitContext();
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        var views = Module.Views;
        foreach (var sample in Module.Samples.Take(4))
        {
            var text = Module.Validator.Validate(sample.Text).Canonical!;
            var shown = new Dictionary<string, object?> { ["Text"] = text, ["Properties"] = Module.Properties.Compute(text) };
            if (IsComponent(views.ItemPicture)) Assert.False(string.IsNullOrWhiteSpace(Render(context, views.ItemPicture, shown)), $"{sample.Name}: empty picture");
            if (views.PropertyPanel is { } panel) Assert.False(string.IsNullOrWhiteSpace(Render(context, panel, shown)), $"{sample.Name}: empty property panel");
            if (views.ItemEditor is { } editor)
            {
                var edited = new Dictionary<string, object?> { ["Text"] = text, ["TextChanged"] = EventCallback.Factory.Create<string>(this, _ => { }) };
                Assert.False(string.IsNullOrWhiteSpace(Render(context, editor, edited)), $"{sample.Name}: empty editor");
            }
        }
    }

    private static string Render(BunitContext context, Type type, Dictionary<string, object?> parameters) =>
        context.Render<DynamicComponent>(p => p.Add(c => c.Type, type).Add(c => c.Parameters, parameters!)).Markup;
}
