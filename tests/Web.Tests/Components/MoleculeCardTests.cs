using Bunit;
using LatentWorkbench.Domains.Molecules.Views;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace LatentWorkbench.Web.Tests.Components;

/// <summary>
/// The molecule card renders the drawing element of depict.js with its SMILES and size, imports that module once per
/// page however many cards it shows, and tries again on a later card when the import failed.
/// </summary>
public sealed class MoleculeCardTests
{
    [Fact]
    public async Task Cards_RenderTheDrawingElement_AndImportTheModuleOncePerPage()
    {
        await using var context = new BunitContext();
        context.JSInterop.SetupModule(MoleculeCard.Script);
        var first = context.Render<MoleculeCard>(p => p.Add(x => x.Text, "CCO").Add(x => x.Width, 120));
        var second = context.Render<MoleculeCard>(p => p.Add(x => x.Text, "c1ccccc1"));
        var element = first.Find("molecule-depiction");
        Assert.Equal("CCO", element.GetAttribute("smiles"));
        Assert.Equal(("120", "90"), (element.GetAttribute("width"), element.GetAttribute("height")));
        Assert.Equal("c1ccccc1", second.Find("molecule-depiction").GetAttribute("smiles"));
        Assert.Single(context.JSInterop.Invocations["import"]);

        first.Render(p => p.Add(x => x.Text, "CC(=O)O"));
        Assert.Equal("CC(=O)O", first.Find("molecule-depiction").GetAttribute("smiles"));
        Assert.Single(context.JSInterop.Invocations["import"]);
    }

    [Fact]
    public async Task Card_FailedImport_KeepsTheSmilesText_AndALaterCardTriesAgain()
    {
        await using var context = new BunitContext();
        var runtime = new FailingRuntime();
        context.Services.AddSingleton<IJSRuntime>(runtime);
        var cut = context.Render<MoleculeCard>(p => p.Add(x => x.Text, "CCO"));
        Assert.Equal("CCO", cut.Find(".molecule-smiles").TextContent);
        context.Render<MoleculeCard>(p => p.Add(x => x.Text, "CCN"));
        Assert.Equal([MoleculeCard.Script, MoleculeCard.Script], runtime.Imports);
    }

    /// <summary>A browser whose module imports fail, as when the script cannot be loaded.</summary>
    private sealed class FailingRuntime : IJSRuntime
    {
        public List<string> Imports { get; } = [];

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => InvokeAsync<TValue>(identifier, CancellationToken.None, args);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
        {
            if (identifier == "import") Imports.Add((string)args![0]!);
            return ValueTask.FromException<TValue>(new JSException("the script could not be loaded"));
        }
    }
}
