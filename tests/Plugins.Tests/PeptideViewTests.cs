using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace LatentWorkbench.Plugins.Tests;

/// <summary>The plugin's Razor views, rendered from the types its module declares (as the host does).</summary>
[Collection(PluginFolderCollection.Name)]
public sealed class PeptideViewTests(PluginFolderFixture fixture) : IDisposable
{
    private readonly BunitContext _context = CreateContext();

    private static BunitContext CreateContext()
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        return context;
    }

    [Fact]
    public void ItemPicture_ColoursEachResidueByClass()
    {
        var cut = _context.Render<DynamicComponent>(p => p
            .Add(c => c.Type, fixture.Peptides.Views.ItemPicture)
            .Add(c => c.Parameters, new Dictionary<string, object> { ["Text"] = "KWKLFD" }));
        var residues = cut.FindAll("span.residue");
        Assert.Equal(6, residues.Count);
        Assert.Equal(["Positive", "Aromatic", "Positive", "Hydrophobic", "Aromatic", "Negative"], residues.Select(r => r.GetAttribute("data-class")));
        Assert.Equal("1: lysine (positive)", residues[0].GetAttribute("title"));
    }

    [Fact]
    public void PropertyPanel_ShowsComputedProperties()
    {
        var cut = _context.Render<DynamicComponent>(p => p
            .Add(c => c.Type, fixture.Peptides.Views.PropertyPanel!)
            .Add(c => c.Parameters, new Dictionary<string, object> { ["Text"] = "RPPGFSPFR" }));
        Assert.Contains("1060.22", cut.Markup);
        Assert.Equal(6, cut.FindAll("span.class-bar").Count);
        Assert.Equal("plugins/peptides/peptides.css", cut.Find("link[rel=stylesheet]").GetAttribute("href"));
    }

    public void Dispose() => _context.Dispose();
}
