using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Latent.Decoding;
using LatentWorkbench.Core.Models;
using LatentWorkbench.Core.Runtime;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Core.Training;
using LatentWorkbench.Core.Workbench;
using TorchSharp;
using static TorchSharp.torch;

namespace LatentWorkbench.Core.Tests.Training;

/// <summary>The event decoder trains, reconstructs, saves and loads, and leaks nothing, through the unchanged pipeline.</summary>
[Collection(EventModelCollection.Name)]
public sealed class EventTrainingTests(EventModelFixture toy)
{
    [Fact]
    public void Training_EventModel_LossFallsAndItemsReconstruct()
    {
        var losses = toy.Reports.Where(r => r.Validation is null && r.Warning is null && r.Loss > 0).Select(r => r.Loss).ToArray();
        Assert.True(losses.Length >= 2, $"{losses.Length} loss reports");
        Assert.True(losses[^1] < 0.5 * losses[0], $"loss went from {losses[0]:0.000} to {losses[^1]:0.000}");
        var decoded = toy.Model.Decode(toy.Model.Encode(toy.HeldOut).Select(c => c.Mean).ToArray());
        var exact = decoded.Zip(toy.HeldOut).Count(p => p.First.Text == p.Second) / (double)toy.HeldOut.Count;
        Assert.True(exact >= 0.9, $"exact reconstruction {exact:0.000} < 0.9");
        Assert.True(toy.Outcome.Manifest.Metrics!.TokenAccuracy > 0.9, $"token accuracy {toy.Outcome.Manifest.Metrics.TokenAccuracy}");
    }

    [Fact]
    public void Checkpoint_RecordsEventEndsAndTheChainTable_AndLoadsIdentically()
    {
        Assert.Equal(EventModelFixture.Config.EventEndTokens, CheckpointStore.ReadManifest(toy.ModelFolder).Model.EventEndTokens);
        Assert.Contains(toy.Model.Model.Network.named_parameters(), p => p.name == "event_head.chain.weight");
        using var again = DomainModel.Load(toy.Domain, toy.ModelFolder, "cpu");
        var items = toy.HeldOut.Take(20).ToArray();
        var first = toy.Model.Encode(items);
        var second = again.Encode(items);
        for (int i = 0; i < items.Length; i++) Assert.Equal(first[i].Mean, second[i].Mean);
        var z = first.Select(c => c.Mean).ToArray();
        var beam = new DecodeOptions { Strategy = DecodeStrategy.Beam, BeamWidth = 3 };
        Assert.Equal(toy.Model.Decode(z).Select(p => p.Text), again.Decode(z).Select(p => p.Text));
        Assert.Equal(toy.Model.Decode(z, beam).Select(p => p.Text), again.Decode(z, beam).Select(p => p.Text));
    }

    [Fact]
    public void Decode_Bf16Copy_StaysCloseToFloat32()
    {
        using var fast = DomainModel.Load(toy.Domain, toy.ModelFolder, "cpu", Precision.Bf16);
        var means = toy.Model.Encode(toy.HeldOut).Select(c => c.Mean).ToArray();
        var same = toy.Model.Decode(means).Zip(fast.Decode(means)).Count(p => p.First.Text == p.Second.Text) / (double)means.Length;
        Assert.True(same >= 0.9, $"only {same:0.000} of bf16 decodes equal the float32 ones");
    }

    [Fact]
    public void TrainingStep_Bf16_GivesAFiniteLoss()
    {
        using var network = new SequenceVae(EventModelFixture.Config, toy.Model.Model.Vocabulary);
        var settings = toy.Domain.Defaults.Training with { Precision = Precision.Bf16 };
        using var step = new TrainingStep(network, optim.AdamW(network.parameters()), settings, CPU);
        using var scope = NewDisposeScope();
        var terms = step.Run(Batch(toy.Train.Take(32), 0, null), 1.0);
        Assert.True(float.IsFinite(terms.Total.item<float>()) && terms.Total.item<float>() > 0, $"loss {terms.Total.item<float>()}");
    }

    [Fact]
    public void WordDropout_KeepsEventEndingTokens()
    {
        var starts = toy.Model.Model.Network.StartsEvent!;
        using var scope = NewDisposeScope();
        var batch = Batch(toy.Train.Take(64), 0.99, starts);
        var input = batch.DecoderInput.data<long>().ToArray();
        var target = batch.Target.data<long>().ToArray();
        var width = (int)batch.DecoderInput.shape[1];
        int ends = 0;
        for (int k = 0; k < target.Length; k++)
        {
            if (k % width == width - 1 || !starts[target[k]]) continue;
            ends++;
            Assert.Equal(target[k], input[k + 1]);
        }
        Assert.True(ends > 10, $"{ends} event-ending tokens");
        Assert.Contains(3L, input); // the others were dropped
    }

    [Fact]
    public void Encoder_StepsOncePerEvent_OverTheEventsTokensAsASet()
    {
        var network = toy.Model.Model.Network;
        var vocabulary = toy.Model.Model.Vocabulary;
        Tensor Ids(params string[] items)
        {
            var width = items.Max(i => i.Length);
            return tensor(items.SelectMany(i => i.Select(c => (long)vocabulary.IdOf(c.ToString())).Concat(Enumerable.Repeat(0L, width - i.Length))).ToArray(),
                [items.Length, width]);
        }
        float[] Mean(Tensor ids, Tensor? lengths) => network.Encode(ids, lengths).Mu[0].data<float>().ToArray();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var item = Mean(Ids("ABDCE"), null); // two events: {A, B, D} and {C, E}
        static float Gap(float[] a, float[] b) => a.Zip(b).Max(p => Math.Abs(p.First - p.Second));
        // The same item beside a longer one (padded), and with the letters before an event's end swapped: the same steps.
        Assert.True(Gap(item, Mean(Ids("ABDCE", "CHCHCHC"), tensor(new long[] { 5, 7 }))) < 1e-5f, "padding changed the encoding");
        Assert.True(Gap(item, Mean(Ids("BADCE"), null)) < 1e-5f, "the order inside an event changed the encoding");
        // The events in the other order are another sequence of steps.
        Assert.True(Gap(item, Mean(Ids("CEABD"), null)) > 1e-3f, "the order of events made no difference");
    }

    [Fact]
    public void ScheduledSampling_FeedsBackPredictions_KeepingEventsAndSpecials()
    {
        var network = toy.Model.Model.Network;
        var vocabulary = toy.Model.Model.Vocabulary;
        var starts = network.StartsEvent!;
        var sampling = new ScheduledSampling(vocabulary, starts);
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var batch = Batch(toy.Train.Take(64), 0.2, starts);
        // Logits that always predict 'A' (an event's first letter, never its end), so every swap is visible.
        var logits = zeros(batch.DecoderInput.shape[0], batch.DecoderInput.shape[1], vocabulary.Count);
        logits.index_put_(tensor(1f), TensorIndex.Ellipsis, TensorIndex.Single(vocabulary.IdOf("A")));
        Assert.Equal(batch.DecoderInput.data<long>().ToArray(), sampling.Mix(batch.DecoderInput, logits, 0).data<long>().ToArray());
        var before = batch.DecoderInput.data<long>().ToArray();
        var after = sampling.Mix(batch.DecoderInput, logits, 1).data<long>().ToArray();
        int swapped = 0;
        for (int k = 0; k < before.Length; k++)
        {
            if (before[k] == after[k]) continue;
            swapped++;
            Assert.Equal(vocabulary.IdOf("A"), after[k]);
            Assert.False(starts[before[k]], $"an event-ending input {vocabulary.Tokens[(int)before[k]]} became A");
            Assert.NotEqual(vocabulary.Specials.Unknown, before[k]);
        }
        Assert.True(swapped > 20, $"{swapped} swapped");
        Assert.Equal(before.Count(t => t == 0), after.Count(t => t == 0));
        Assert.Equal(before.Count(t => t == vocabulary.Specials.Bos), after.Count(t => t == vocabulary.Specials.Bos));
    }

    [Fact]
    public void ScheduledSampling_FlatDecoder_SwapsAnyItemToken()
    {
        var vocabulary = toy.Model.Model.Vocabulary;
        var sampling = new ScheduledSampling(vocabulary, startsEvent: null);
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var batch = Batch(toy.Train.Take(32), 0, null);
        var logits = zeros(batch.DecoderInput.shape[0], batch.DecoderInput.shape[1], vocabulary.Count);
        logits.index_put_(tensor(1f), TensorIndex.Ellipsis, TensorIndex.Single(vocabulary.IdOf("A")));
        var before = batch.DecoderInput.data<long>().ToArray();
        var after = sampling.Mix(batch.DecoderInput, logits, 1).data<long>().ToArray();
        var ends = new[] { "D", "E", "H" }.Select(t => (long)vocabulary.IdOf(t)).ToHashSet();
        Assert.Contains(before.Zip(after), p => ends.Contains(p.First) && p.Second == vocabulary.IdOf("A")); // no event structure to keep
        Assert.All(before.Zip(after), p => Assert.True(p.First == p.Second || p.Second == vocabulary.IdOf("A")));
        Assert.Equal(before.Count(t => t == 0), after.Count(t => t == 0));
    }

    [Fact]
    public void Schedules_SamplingRateRises_AndKlWaitsForItsStart()
    {
        var s = new TrainingSettings { ScheduledSampling = 0.4, ScheduledSamplingSteps = 100, KlWeight = 0.2, KlWarmupStart = 50, KlWarmupSteps = 100 };
        Assert.Equal(0.004, Schedules.SamplingRate(s, 0), 6);
        Assert.Equal(0.4, Schedules.SamplingRate(s, 99), 6);
        Assert.Equal(0.4, Schedules.SamplingRate(s, 5000), 6);
        Assert.Equal(0, Schedules.SamplingRate(new TrainingSettings(), 5000));
        Assert.Equal(0, Schedules.KlWeight(s, 49));
        Assert.Equal(0.1, Schedules.KlWeight(s, 100), 6);
        Assert.Equal(0.2, Schedules.KlWeight(s, 400), 6);
    }

    [Fact]
    public void Network_UnknownEventEndingToken_IsRefusedByName()
    {
        var config = EventModelFixture.Config with { EventEndTokens = ["D", "Q"] };
        var error = Assert.Throws<InvalidDataException>(() => new SequenceVae(config, toy.Model.Model.Vocabulary));
        Assert.Contains("'Q'", error.Message);
    }

    [Fact]
    public void Inference_ManyCalls_KeepsLiveTensorCountFlat()
    {
        var beam = new DecodeOptions { Strategy = DecodeStrategy.Beam, BeamWidth = 3 };
        void Call(int i)
        {
            var items = new[] { toy.HeldOut[i % toy.HeldOut.Count], toy.HeldOut[(i + 1) % toy.HeldOut.Count] };
            var z = toy.Model.Encode(items).Select(c => c.Mean).ToArray();
            toy.Model.Decode([z[0]]);
            toy.Model.Decode(z);
            toy.Model.Decode(z, beam);
        }
        for (int i = 0; i < 10; i++) Call(i);
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (int i = 0; i < 300; i++) Call(i);
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    private TrainingBatch Batch(IEnumerable<string> texts, double wordDropout, bool[]? kept)
    {
        var vocabulary = toy.Model.Model.Vocabulary;
        var items = texts.Select(t => new EncodedItem(t.Select(c => vocabulary.IdOf(c.ToString())).ToArray(), [], -1)).ToArray();
        return TrainingBatch.Build(items, 0, false, wordDropout, new Random(3), CPU, kept: kept);
    }
}
