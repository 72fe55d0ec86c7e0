using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Latent.Decoding;
using LatentWorkbench.Tests;

namespace LatentWorkbench.Core.Tests.Latent;

/// <summary>
/// The shipped molecules model is a flat model (no event decoding) and decodes exactly as it did when it shipped
/// (v2, 2026-12-03), the same through batched libtorch steps, host steps one item at a time, and beam search.
/// </summary>
public sealed class FlatCheckpointTests
{
    private static readonly string[] Expected =
    [
        // Greedy in a batch, greedy one at a time (host steps), beam search of width 3: z = 0, then two draws.
        "5 4 8 4 4 6 5 7 13 4 8 18 6 11 8 5 5 5 6 5 5 8 7 4 8 4 4 4 6 5 28 11 7 4 4 8 7 10 9",
        "5 5 9 4 8 4 4 6 5 9 7 4 6 4 4 8 5 6 11 5 33 6 5 7 6 5 9 7 4 8 4 4 4 20 8 7 10 9 7 34",
        "5 13 8 4 4 6 4 4 8 7 11 15 8 5 5 6 4 12 4 4 4 6 5 28 11 7 4 4 12 7 10 9 7 20 8",
        "5 4 8 4 4 6 5 7 13 4 8 18 6 11 8 5 5 5 6 5 5 8 7 4 8 4 4 4 6 5 28 11 7 4 4 8 7 10 9",
        "5 5 9 4 8 4 4 6 5 9 7 4 6 4 4 8 5 6 11 5 33 6 5 7 6 5 9 7 4 8 4 4 4 20 8 7 10 9 7 34",
        "5 13 8 4 4 6 4 4 8 7 11 15 8 5 5 6 4 12 4 4 4 6 5 28 11 7 4 4 12 7 10 9 7 20 8",
        "5 4 8 4 4 6 5 28 11 7 4 4 4 8 35 6 5 7 5 6 11 4 8 4 4 4 6 4 4 8 7 5 9 7 10 9",
        "5 5 9 4 8 4 4 6 5 9 7 4 6 4 4 8 5 6 11 5 33 6 5 7 6 5 9 7 4 8 4 4 4 20 8 7 10 9 7 34",
        "5 13 8 4 4 6 4 4 8 7 11 15 8 5 5 6 4 12 4 4 4 6 5 28 11 7 4 4 12 7 10 9 7 20 8",
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
