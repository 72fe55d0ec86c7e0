using Bunit;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Web.Components.Pages.Explore;
using LatentWorkbench.Web;
using LatentWorkbench.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;

namespace LatentWorkbench.Plugins.Tests;

/// <summary>The Explore page on the plugin's domain: its default model (shipped in the plugin folder) its residue view and its property panel.</summary>
[Collection(PluginFolderCollection.Name)]
public sealed class PeptideExploreTests(PluginFolderFixture fixture)
{
    [Fact]
    public async Task Explore_Interpolate_DrawsEachPointWithThePluginViews()
    {
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Device"] = "cpu" }).Build();
        var registry = new DomainRegistry([fixture.Peptides]);
        context.Services.AddSingleton(registry);
        context.Services.AddSingleton<IConfiguration>(configuration);
        context.Services.AddSingleton(new WorkbenchDatabase(Path.Combine(Path.GetTempPath(), $"latent-plugins-{Guid.NewGuid():N}.db")));
        context.Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        context.Services.AddWorkbenchServices();
        context.Render<MudPopoverProvider>();

        var cut = context.Render<Explore>(p => p.Add(x => x.DomainId, "peptides"));
        cut.Find("[data-test=interpolate]").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".path-card")), TimeSpan.FromSeconds(60));
        foreach (var card in cut.FindAll(".path-card"))
        {
            Assert.NotNull(card.QuerySelector(".peptide-sequence"));
            // A valid point's properties show in the plugin's panel, not in the host's generic list.
            if (card.GetAttribute("data-valid") == "true") Assert.NotNull(card.QuerySelector("[data-test=property-panel] .peptide-panel"));
        }
        Assert.NotEmpty(cut.FindAll(".path-card[data-valid=true] span.class-bar"));
        Assert.NotEmpty(cut.FindAll(".path-card span.residue"));
    }
}
