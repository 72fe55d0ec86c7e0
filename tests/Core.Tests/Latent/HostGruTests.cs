using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Latent.Decoding;
using LatentWorkbench.Core.Tests.Toy;
using static LatentWorkbench.Core.Tests.Latent.DecoderLogits;

namespace LatentWorkbench.Core.Tests.Latent;

/// <summary>
/// The host GRU step (<see cref="HostGru"/>, which single-sequence decoding on the CPU runs on) against libtorch's GRU:
/// fed the same z and the same prefix, it gives the teacher-forced logits of <c>SequenceVae</c> at every position.
/// </summary>
[Collection(ToyModelCollection.Name)]
public sealed class HostGruTests(ToyModelFixture toy)
{
    // Both sides sum the same float32 products in a different order: about 2e-6 apart on logits of about 10.
    private const float Tolerance = 1e-4f;

    [Fact]
    public void Step_MatchesTeacherForcedLogits_AtEveryPosition()
    {
        using var model = LatentModel.Load(toy.ModelFolder, "cpu");
        var items = toy.HeldOut.Take(8).Select(text => Ids(model, text)).ToArray();
        var means = model.Encode(items).Select(c => c.Mean).ToArray();
        var random = new Random(5);
        // Posterior means with their own items, and prior draws with another item's prefix.
        var cases = items.Select((ids, i) => (Z: means[i], Ids: ids))
            .Concat(items.Select((_, i) => (Z: Gaussian(random, model.LatentSize), Ids: items[(i + 1) % items.Length])));
        using var weights = ExportDecoderWeights(model);
        var host = new HostGru(weights);
        var gh = new float[3 * host.Hidden];
        var logits = new float[host.Vocabulary];
        int positions = 0;
        foreach (var (z, ids) in cases)
        {
            int[] inputs = [model.Vocabulary.Specials.Bos, .. ids];
            var expected = TeacherForced(model, [z], [inputs])[0];
            var (h, zProjection) = host.Start(z);
            for (int t = 0; t < inputs.Length; t++, positions++)
            {
                host.Step(inputs[t], h, zProjection, gh, logits);
                var worst = Enumerable.Range(0, logits.Length).MaxBy(v => Math.Abs(logits[v] - expected[t][v]));
                Assert.True(Math.Abs(logits[worst] - expected[t][worst]) <= Tolerance,
                    $"position {t} of [{string.Join(' ', inputs)}], token {worst}: host {logits[worst]} vs libtorch {expected[t][worst]}");
            }
        }
        Assert.True(positions > 16 * 3, $"only {positions} positions compared");
    }

    [Fact]
    public void GreedyDecode_OnTheHost_MatchesBatchedLibtorchSteps()
    {
        // One vector on the CPU decodes on the host; two or more decode with libtorch's tensor steps.
        using var model = LatentModel.Load(toy.ModelFolder, "cpu");
        var random = new Random(11);
        var z = Enumerable.Range(0, 12).Select(_ => Gaussian(random, model.LatentSize)).ToArray();
        var batched = model.Decode(z, DecodeOptions.Default, null);
        for (int i = 0; i < z.Length; i++)
            Assert.Equal(batched[i].TokenIds, model.Decode([z[i]], DecodeOptions.Default, null)[0].TokenIds);
    }

    private int[] Ids(LatentModel model, string text) =>
        toy.Domain.Tokenizer.Tokenize(text).Tokens.Select(model.Vocabulary.IdOf).ToArray();
}
