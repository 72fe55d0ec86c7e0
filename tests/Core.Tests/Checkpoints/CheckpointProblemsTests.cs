using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Models;
using LatentWorkbench.Tests;

namespace LatentWorkbench.Core.Tests.Checkpoints;

/// <summary>A damaged checkpoint is found without loading it, and each problem names its file.</summary>
public sealed class CheckpointProblemsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("latent-damaged-").FullName;

    private static readonly Vocabulary Tokens = new(["<pad>", "<bos>", "<eos>", "<unk>", "A", "B", "C", "D"]);

    public static TheoryData<VaeConfig> Configs => new()
    {
        new VaeConfig(),
        new VaeConfig { EncoderLayers = 2, PropertyNames = ["a", "b"], TagNames = ["x", "y", "z"] },
        new VaeConfig { PropertyNames = ["a"], PropertyHeadHidden = 0, EventEndTokens = ["D"] },
    };

    [Theory]
    [MemberData(nameof(Configs))]
    public void ParameterCount_IsTheNetworksOwn(VaeConfig config)
    {
        using var network = new SequenceVae(config, Tokens);
        Assert.Equal(network.parameters().Sum(p => p.numel()), SequenceVae.ParameterCount(config, Tokens.Count));
    }

    [Fact]
    public void Problems_ShippedModel_None_ThenEachDamageNamesItsFile()
    {
        var shipped = Path.Combine(Checkout.Root, "sample-data", "models", "molecules");
        foreach (var file in Directory.GetFiles(shipped)) File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        Assert.Empty(CheckpointStore.Problems(_folder));
        var manifest = CheckpointStore.ReadManifest(_folder);

        var weights = Path.Combine(_folder, manifest.Files.Weights);
        using (var stream = File.Open(weights, FileMode.Open)) stream.SetLength(stream.Length / 2);
        var truncated = Assert.Single(CheckpointStore.Problems(_folder));
        Assert.Contains(weights, truncated);
        Assert.Contains("truncated", truncated);
        var error = Assert.Throws<InvalidDataException>(() => LatentModel.Load(_folder, "cpu"));
        Assert.Contains(weights, error.Message);

        File.Delete(Path.Combine(_folder, manifest.Files.Reference));
        Assert.Contains(CheckpointStore.Problems(_folder), p => p.Contains(manifest.Files.Reference, StringComparison.Ordinal) && p.Contains("missing", StringComparison.Ordinal));

        File.WriteAllText(Path.Combine(_folder, "config.json"), "{ cut off");
        Assert.Contains("config.json", Assert.Single(CheckpointStore.Problems(_folder)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
