using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Latent.Decoding;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Core.Training;

namespace LatentWorkbench.Core.Tests.Training;

[Collection(ToyModelCollection.Name)]
public sealed class PropertyHeadRefitTests(ToyModelFixture toy) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"refit-{Guid.NewGuid():N}");

    private string CopyOfTheToyModel()
    {
        Directory.CreateDirectory(_folder);
        foreach (var file in Directory.GetFiles(toy.ModelFolder)) File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        return _folder;
    }

    private IReadOnlyList<TrainingRecord> Read(string file) => toy.Domain.Datasets.Read(file, new DatasetOptions()).ToList();

    [Fact]
    public void Refit_OnEncoderMeans_LowersTheHeldOutError_AndCommitsNewWeights_LeavingTheRestOfTheNetwork()
    {
        var folder = CopyOfTheToyModel();
        var old = CheckpointStore.ReadManifest(folder);
        var lines = new List<string>();
        var result = PropertyHeadRefit.Run(toy.Domain, folder, Read(toy.TrainFile), Read(toy.ValidFile),
            new PropertyRefitOptions(Epochs: 8, BatchSize: 64, LearningRate: 2e-3, SelectionItems: 100), "cpu", lines.Add);

        Assert.Equal(["a_share"], result.HeldOutBefore.Keys);
        Assert.Equal(9, result.SelectionByEpoch.Count);
        Assert.Contains(lines, l => l.StartsWith("epoch 8:", StringComparison.Ordinal));
        Assert.True(result.BestEpoch > 0, $"no epoch beat the original heads: {string.Join(", ", result.SelectionByEpoch)}");
        Assert.True(result.HeldOutAfter["a_share"] < result.HeldOutBefore["a_share"],
            $"held-out MAE {result.HeldOutBefore["a_share"]} -> {result.HeldOutAfter["a_share"]}");

        // The new weights are committed under a new name, the old file is gone, and the manifest reports the new error.
        var manifest = CheckpointStore.ReadManifest(folder);
        Assert.Equal(result.WeightsFile, manifest.Files.Weights);
        Assert.NotEqual(old.Files.Weights, manifest.Files.Weights);
        Assert.False(File.Exists(Path.Combine(folder, old.Files.Weights)));
        Assert.Equal(result.HeldOutAfter["a_share"], manifest.Metrics!.PropertyMae["a_share"], 9);
        Assert.Contains("Property heads refitted", manifest.Notes);

        // Only the heads changed: encodings and decodes are those of the original model.
        using var original = LatentModel.Load(toy.ModelFolder, "cpu");
        using var refitted = LatentModel.Load(folder, "cpu");
        var items = toy.HeldOut.Take(20).Select(t => toy.Model.Codec.ToIds(t)).ToArray();
        var (a, b) = (original.Encode(items), refitted.Encode(items));
        for (int i = 0; i < items.Length; i++) Assert.Equal(a[i].Mean, b[i].Mean);
        var means = a.Select(c => c.Mean).ToArray();
        Assert.Equal(original.Decode(means, DecodeOptions.Default, null).Select(d => d.TokenIds),
            refitted.Decode(means, DecodeOptions.Default, null).Select(d => d.TokenIds));
        Assert.NotEqual(original.PredictProperties(means).Select(r => r[0]), refitted.PredictProperties(means).Select(r => r[0]));
    }

    [Fact]
    public void Refit_RefusesDataWithoutPropertyValues_AndBadSettings_WithoutTouchingTheModel()
    {
        var folder = CopyOfTheToyModel();
        var before = File.ReadAllText(Path.Combine(folder, CheckpointStore.ManifestFile));
        TrainingRecord[] unlabelled = [new("ABCA", new Dictionary<string, double>(), [])];
        var error = Assert.Throws<InvalidDataException>(() => PropertyHeadRefit.Run(toy.Domain, folder, unlabelled, Read(toy.ValidFile), device: "cpu"));
        Assert.Contains("training items hold none", error.Message);
        Assert.Throws<ArgumentException>(() => PropertyHeadRefit.Run(toy.Domain, folder, Read(toy.TrainFile), Read(toy.ValidFile), new PropertyRefitOptions(Epochs: 0), "cpu"));
        Assert.Equal(before, File.ReadAllText(Path.Combine(folder, CheckpointStore.ManifestFile)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
