using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Storage;
using LatentWorkbench.Web.Services;
using LatentWorkbench.Web.Tests.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LatentWorkbench.Web.Tests.Services;

/// <summary>New library items have their codes encoded in the background while their model is loaded, and only then.</summary>
[Collection(ToyComponentCollection.Name)]
public sealed class LibraryCodeWarmerTests(ToyModelFixture toy)
{
    [Fact]
    public async Task AddedItems_AreEncodedIntoTheWorkersCache_WithoutLoadingAModel()
    {
        await using var context = ToyContext.Create(toy);
        var library = context.Services.GetRequiredService<LibraryStore>();
        var hub = context.Services.GetRequiredService<ModelHub>();
        using var warmer = new LibraryCodeWarmer(library, hub, NullLogger<LibraryCodeWarmer>.Instance);
        await warmer.StartAsync(CancellationToken.None);

        // No model loaded: adding an item does not load one.
        library.Add(ItemAccess.Everyone, "toy", "ABBA");
        await Task.Delay(500);
        Assert.Null(hub.Loaded("toy"));

        var worker = hub.Get("toy");
        var kept = worker.CodesKept;
        foreach (var text in new[] { "CHAD", "EDDA", "BCDE" }) library.Add(ItemAccess.Everyone, "toy", text);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (worker.CodesKept < kept + 3 && waited.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(20);
        Assert.Equal(kept + 3, worker.CodesKept);
        await warmer.StopAsync(CancellationToken.None);

        // The codes are in the database too, under this checkpoint, for the next start.
        var model = LatentCodeStore.ModelKey("toy", File.ReadAllText(Path.Combine(toy.ModelFolder, Core.Checkpoints.CheckpointStore.ManifestFile)));
        var stored = context.Services.GetRequiredService<LatentCodeStore>().Find(model, ["CHAD", "EDDA", "BCDE", "ABBA"]);
        Assert.Equal(["BCDE", "CHAD", "EDDA"], stored.Keys.Order(StringComparer.Ordinal));
        var encoded = toy.Model.Encode(["CHAD"])[0].Mean;
        Assert.Equal(encoded, stored["CHAD"].Mean, (a, b) => Math.Abs(a - b) < 1e-4);
    }
}
