using LatentWorkbench.Core.Tests.Toy;

namespace LatentWorkbench.Core.Tests.Training;

[Collection(ToyModelCollection.Name)]
public sealed class ToyTrainingTests(ToyModelFixture toy)
{
    [Fact]
    public void Training_ToyLanguage_ReconstructsHeldOutItems()
    {
        var codes = toy.Model.Encode(toy.HeldOut);
        var decoded = toy.Model.Decode(codes.Select(c => c.Mean).ToArray());
        var exact = decoded.Zip(toy.HeldOut).Count(p => p.First.Text == p.Second) / (double)toy.HeldOut.Count;
        Assert.True(exact >= 0.95, $"exact reconstruction {exact:0.000} < 0.95");
    }

    [Fact]
    public void Training_ToyLanguage_KeepsLatentSpaceAlive()
    {
        var metrics = toy.Outcome.Manifest.Metrics!;
        Assert.True(metrics.Kl > 0, $"KL {metrics.Kl}");
        Assert.True(metrics.ActiveUnits >= toy.Model.Model.LatentSize / 2, $"active units {metrics.ActiveUnits}");
        Assert.True(metrics.TokenAccuracy > 0.9, $"token accuracy {metrics.TokenAccuracy}");
        Assert.True(metrics.PropertyMae["a_share"] < 0.1, $"a_share MAE {metrics.PropertyMae["a_share"]}");
    }

    [Fact]
    public void Training_Completes_WritesManifestHistoryAndCalibration()
    {
        var manifest = toy.Outcome.Manifest;
        Assert.True(toy.Outcome.Completed);
        Assert.True(manifest.State.Completed);
        Assert.Equal(manifest.Training.Epochs, manifest.History.Count);
        Assert.NotNull(manifest.Ood);
        Assert.True(manifest.AttributeVectors.ContainsKey("a_share"));
        Assert.True(File.Exists(Path.Combine(toy.ModelFolder, "MODEL_CARD.md")));
        Assert.Contains(toy.Reports, r => r.Validation is not null);
        Assert.DoesNotContain(toy.Reports, r => r.Warning is not null && r.Epoch == manifest.Training.Epochs);
    }

    [Fact]
    public void Decode_PriorSamples_RespectTheConstraint()
    {
        var samples = toy.Model.Sample(200, seed: 3);
        Assert.All(samples, s => Assert.DoesNotContain("HH", s.Text));
        Assert.True(samples.Count(s => s.Valid) >= 190);
    }

    [Fact]
    public void Novelty_TrainingItem_IsNotNovel()
    {
        // Training items that come back exactly must be marked known; the model reconstructs nearly all of them, so
        // the check is never vacuous (at least half of the first 20 must come back).
        var items = toy.Train.Take(20).ToArray();
        var points = toy.Model.Decode(toy.Model.Encode(items).Select(c => c.Mean).ToArray());
        var reconstructed = points.Zip(items).Where(p => p.First.Text == p.Second).Select(p => p.First).ToList();
        Assert.True(reconstructed.Count >= items.Length / 2, $"only {reconstructed.Count} of {items.Length} training items reconstructed");
        Assert.All(reconstructed, p => Assert.False(p.Novel, $"{p.Text} is a training item"));
        Assert.False(toy.Model.Model.IsNovel(toy.Train[0]));
        Assert.True(toy.Model.Model.IsNovel("ZZZZ"));
    }
}
