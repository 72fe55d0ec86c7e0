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
