using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Latent.Decoding;
using LatentWorkbench.Tests;

namespace LatentWorkbench.Core.Tests.Latent;

/// <summary>
/// A checkpoint written before event decoding existed (the shipped molecules model) still reads as a flat model and
/// decodes exactly as it did: the token ids below were decoded with the code before the event decoder was added.
/// </summary>
public sealed class FlatCheckpointTests
{
    private static readonly string[] Expected =
    [
        // Greedy in a batch, greedy one at a time (host steps), beam search of width 3: z = 0, then two draws.
        "5 14 6 5 4 8 4 4 4 6 5 7 4 4 8 7 11 5 6 5 8 10 5 5 4 12 4 4 4 6 4 4 12 5 8 7 16 7 10 9",
        "5 5 15 8 5 4 8 4 6 4 4 4 6 13 8 7 9 5 7 5 6 4 8 4 4 4 6 13 8 5 7 19 7 10 9",
        "5 5 13 8 4 4 6 4 4 8 7 5 11 5 6 14 6 5 8 5 5 27 5 5 8 7 10 9 7 13 8",
        "5 14 6 5 4 8 4 4 4 6 5 7 4 4 8 7 11 5 6 5 8 10 5 5 4 12 4 4 4 6 4 4 12 5 8 7 16 7 10 9",
        "5 5 15 8 5 4 8 4 6 4 4 4 6 13 8 7 9 5 7 5 6 4 8 4 4 4 6 13 8 5 7 19 7 10 9",
        "5 5 13 8 4 4 6 4 4 8 7 5 11 5 6 14 6 5 8 5 5 27 5 5 8 7 10 9 7 13 8",
        "5 14 6 5 4 8 4 4 4 6 5 7 4 4 8 7 11 5 6 5 8 10 5 5 4 12 4 4 4 6 4 4 12 5 8 7 16 7 10 9",
        "5 5 15 8 5 4 8 4 6 4 4 4 6 13 8 7 9 5 7 5 6 4 8 4 4 4 6 13 8 5 7 19 7 10 9",
        "5 5 13 8 4 4 6 4 13 8 7 5 11 5 6 14 8 5 5 6 11 6 5 8 7 5 8 5 5 8 7 10 9 7 10 9",
    ];

    [Fact]
    public void ShippedMoleculesModel_LoadsFlat_AndDecodesAsBefore()
    {
        using var model = LatentModel.Load(Path.Combine(Checkout.Root, "sample-data", "models", "molecules"), "cpu");
        Assert.Empty(model.Manifest.Model.EventEndTokens);
        Assert.DoesNotContain(model.Network.named_parameters(), p => p.name.StartsWith("event_head", StringComparison.Ordinal));
        var random = new Random(3);
        var z = Enumerable.Range(0, 3).Select(i => Enumerable.Range(0, model.LatentSize)
            .Select(_ => i == 0 ? 0f : (float)(random.NextDouble() * 2 - 1)).ToArray()).ToArray();
        var unconstrained = DecodeOptions.Default with { Constrained = false };
        var decodes = model.Decode(z, unconstrained, null)                                                     // batched libtorch steps
            .Concat(z.Select(row => model.Decode([row], unconstrained, null)[0]))                                // host steps
            .Concat(model.Decode(z, unconstrained with { Strategy = DecodeStrategy.Beam, BeamWidth = 3 }, null)) // beam search
            .Select(d => string.Join(' ', d.TokenIds)).ToArray();
        Assert.True(Expected.SequenceEqual(decodes), "decoded:\n" + string.Join('\n', decodes.Select(d => $"\"{d}\",")));
    }
}
