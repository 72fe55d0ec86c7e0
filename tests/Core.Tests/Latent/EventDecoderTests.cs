using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Latent.Decoding;
using LatentWorkbench.Core.Tests.Toy;
using static LatentWorkbench.Core.Tests.Latent.DecoderLogits;
using static TorchSharp.torch;

namespace LatentWorkbench.Core.Tests.Latent;

/// <summary>
/// The event decoder's three implementations agree: the teacher-forced pass (training), the batched libtorch step
/// (<see cref="DecoderCell"/>) and the host step (<see cref="HostGru.EventStep"/>) give the same logits at every
/// position, and greedy and beam decoding choose what the teacher-forced logits imply.
/// </summary>
[Collection(EventModelCollection.Name)]
public sealed class EventDecoderTests(EventModelFixture toy)
{
    private const float Tolerance = 1e-4f;

    [Fact]
    public void Steps_HostBatchedAndTeacherForced_AgreeAtEveryPosition()
    {
        using var model = LatentModel.Load(toy.ModelFolder, "cpu");
        var items = toy.HeldOut.Take(8).Select(text => Ids(model, text)).ToArray();
        var means = model.Encode(items).Select(c => c.Mean).ToArray();
        var random = new Random(5);
        var cases = items.Select((ids, i) => (Z: means[i], Inputs: Inputs(model, ids)))
            .Concat(items.Select((_, i) => (Z: Gaussian(random, model.LatentSize), Inputs: Inputs(model, items[(i + 3) % items.Length])))).ToArray();
        Assert.Contains(cases, c => c.Inputs.Skip(1).Any(id => model.Vocabulary.Tokens[id] is "D" or "H"));
        var alone = cases.Select(c => TeacherForced(model, [c.Z], [c.Inputs])[0]).ToArray();
        var padded = TeacherForced(model, cases.Select(c => c.Z).ToArray(), cases.Select(c => c.Inputs).ToArray());
        var batched = BatchedSteps(model, cases.Select(c => c.Z).ToArray(), cases.Select(c => c.Inputs).ToArray());
        using var weights = ExportDecoderWeights(model);
        var host = new HostGru(weights);
        Assert.True(host.Events);
        int positions = 0;
        for (int i = 0; i < cases.Length; i++)
        {
            var (z, inputs) = cases[i];
            var (h, zProjection) = host.Start(z);
            var (chain, input, gh, logits) = (new float[host.Hidden], new float[3 * host.Hidden], new float[3 * host.Hidden], new float[host.Vocabulary]);
            for (int t = 0; t < inputs.Length; t++, positions++)
            {
                host.EventStep(inputs[t], h, zProjection, chain, input, gh, logits);
                AssertClose(alone[i][t], logits, $"host, case {i} position {t}");
                AssertClose(alone[i][t], padded[i][t], $"padded batch, case {i} position {t}");
                AssertClose(alone[i][t], batched[i][t], $"batched step, case {i} position {t}");
            }
        }
        Assert.True(positions > 16 * 3, $"only {positions} positions compared");
    }

    [Fact]
    public void GreedyDecode_MatchesTeacherForcedArgmax_OnHostAndInBatches()
    {
        using var model = LatentModel.Load(toy.ModelFolder, "cpu");
        var random = new Random(11);
        var z = Enumerable.Range(0, 12).Select(_ => Gaussian(random, model.LatentSize)).ToArray();
        var options = DecodeOptions.Default with { Constrained = false };
        var batched = model.Decode(z, options, null);
        var beam = model.Decode(z, options with { Strategy = DecodeStrategy.Beam, BeamWidth = 1 }, null);
        for (int i = 0; i < z.Length; i++)
        {
            Assert.True(batched[i].Finished);
            Assert.Equal(batched[i].TokenIds, model.Decode([z[i]], options, null)[0].TokenIds);
            Assert.Equal(batched[i].TokenIds, beam[i].TokenIds);
            var logits = TeacherForced(model, [z[i]], [Inputs(model, batched[i].TokenIds)])[0];
            int[] expected = [.. batched[i].TokenIds, model.Vocabulary.Specials.Eos];
            // At the model's maximum length the end token is forced, whatever the logits say.
            var chosen = expected.Length < model.Manifest.Model.MaxLength ? expected.Length : expected.Length - 1;
            var argmax = logits.Take(chosen).Select(row => Array.IndexOf(row, row.Where((_, v) => v > 3 || v == 2).Max())).ToArray();
            Assert.Equal(expected.Take(chosen), argmax);
        }
    }

    private static int[] Inputs(LatentModel model, IEnumerable<int> ids) => [model.Vocabulary.Specials.Bos, .. ids];

    private static void AssertClose(float[] expected, float[] actual, string where)
    {
        var worst = Enumerable.Range(0, expected.Length).MaxBy(v => Math.Abs(expected[v] - actual[v]));
        Assert.True(Math.Abs(expected[worst] - actual[worst]) <= Tolerance, $"{where}, token {worst}: {actual[worst]} vs teacher-forced {expected[worst]}");
    }

    private static int[] Ids(LatentModel model, string text) => text.Select(c => model.Vocabulary.IdOf(c.ToString())).ToArray();

    /// <summary>Logits of the batched libtorch step fed each case's inputs (a finished case is fed padding).</summary>
    private static float[][][] BatchedSteps(LatentModel model, float[][] z, int[][] inputs)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        using var weights = ExportDecoderWeights(model);
        var cell = new DecoderCell(weights, CPU);
        var (state, zProjection) = cell.Start(z);
        var steps = new List<Tensor>();
        for (int t = 0; t < inputs.Max(i => i.Length); t++)
        {
            var previous = inputs.Select(i => t < i.Length ? (long)i[t] : 0L).ToArray();
            var (logits, next) = cell.Step(previous, tensor(previous), state, zProjection);
            steps.Add(logits);
            state = next;
        }
        return Split(stack(steps, 1), inputs.Select(i => i.Length).ToArray());
    }
}
