using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Models;
using LatentWorkbench.Core.Runtime;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Core.Workbench;
using static TorchSharp.torch;

namespace LatentWorkbench.Core.Tests.Training;

/// <summary>bfloat16: mixed-precision training still learns, and bf16 inference stays close to float32.</summary>
[Collection(ToyModelCollection.Name)]
public sealed class PrecisionTests(ToyModelFixture toy) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("latent-bf16-").FullName;

    [Fact]
    public void Bf16Inference_StaysCloseToFloat32()
    {
        using var fast = DomainModel.Load(toy.Domain, toy.ModelFolder, "cpu", Precision.Bf16);
        Assert.Equal(Precision.Bf16, fast.Model.Precision);
        var exact = toy.Model.Encode(toy.HeldOut);
        var approximate = fast.Encode(toy.HeldOut);
        var error = exact.Zip(approximate).Average(p => Math.Sqrt(p.First.Mean.Zip(p.Second.Mean).Sum(x => (x.First - x.Second) * (x.First - x.Second))
            / p.First.Mean.Sum(x => x * x)));
        Assert.True(error < 0.02, $"relative latent error {error:0.0000}");

        var means = exact.Select(c => c.Mean).ToArray();
        var same = toy.Model.Decode(means).Zip(fast.Decode(means)).Count(p => p.First.Text == p.Second.Text) / (double)means.Length;
        Assert.True(same >= 0.95, $"only {same:0.000} of bf16 decodes equal the float32 ones");
        var single = fast.Decode([means[0]]);   // the one-sequence host path reads the bfloat16 weights too
        Assert.Equal(toy.Model.Decode([means[0]])[0].Text, single[0].Text);
    }

    [Fact]
    public void Bf16Training_LearnsTheToyLanguage_AndRecordsItsPrecision()
    {
        var output = Path.Combine(_folder, "model");
        var settings = toy.Domain.Defaults.Training with { Precision = Precision.Bf16, Epochs = 20 };
        var outcome = TrainingPipeline.Train(toy.Domain, new TrainRequest(toy.TrainFile, toy.ValidFile, output, Settings: settings, Device: "cpu"));
        Assert.True(outcome.Completed);
        Assert.Equal(Precision.Bf16, CheckpointStore.ReadManifest(output).Training.Precision);
        using var model = DomainModel.Load(toy.Domain, output, "cpu");
        var decoded = model.Decode(model.Encode(toy.HeldOut).Select(c => c.Mean).ToArray());
        var exact = decoded.Zip(toy.HeldOut).Count(p => p.First.Text == p.Second) / (double)toy.HeldOut.Count;
        Assert.True(exact >= 0.9, $"exact reconstruction after bf16 training {exact:0.000} < 0.9");
    }

    [Fact]
    public void CopyAs_InsideADisposeScope_KeepsEveryParameter()
    {
        using var network = new SequenceVae(toy.Model.Model.Manifest.Model, toy.Model.Model.Vocabulary);
        SequenceVae copy;
        using (NewDisposeScope()) copy = network.CopyAs(ScalarType.BFloat16, CPU);
        using (copy)
        {
            var originals = network.parameters().ToList();
            var copies = copy.parameters().ToList();
            Assert.Equal(originals.Count, copies.Count);
            foreach (var (a, b) in originals.Zip(copies))
            {
                Assert.Equal(ScalarType.BFloat16, b.dtype);
                Assert.Equal(a.shape, b.shape);
                Assert.True(a.allclose(b.to(ScalarType.Float32), rtol: 1e-2, atol: 1e-2));
            }
        }
    }

    [Theory]
    [InlineData("fp32", Precision.Fp32)]
    [InlineData("BF16", Precision.Bf16)]
    [InlineData(null, Precision.Fp32)]
    public void Parse_AcceptsTheNames(string? name, Precision expected) => Assert.Equal(expected, PrecisionSelector.Parse(name));

    [Fact]
    public void Parse_RefusesOthers() => Assert.Contains("fp16", Assert.Throws<ArgumentException>(() => PrecisionSelector.Parse("fp16")).Message);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
