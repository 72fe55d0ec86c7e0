using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Core.Tests.Workbench;

public sealed class CalibrationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("latent-calibration-").FullName;

    [Fact]
    public void Train_CrashBeforeCalibrationCommit_LeavesNoCompletedModel_AndResumeCalibrates()
    {
        var domain = new ToyDomain();
        var data = Path.Combine(_folder, "train.txt");
        File.WriteAllLines(data, ToyDomain.Generate(600, 5));
        var output = Path.Combine(_folder, "model");
        var settings = domain.Defaults.Training with { Epochs = 1 };
        CheckpointManifest? computed = null;
        var crash = Assert.Throws<IOException>(() => TrainingPipeline.Train(domain, new TrainRequest(data, null, output, Settings: settings, Device: "cpu",
            BeforeCalibrationCommit: m => { computed = m; throw new IOException("simulated crash"); })));
        Assert.Equal("simulated crash", crash.Message);
        Assert.NotNull(computed);
        Assert.True(computed.State.Completed, "the calibration commit is the one that marks the model completed");
        Assert.NotEmpty(computed.AttributeVectors);

        var crashed = CheckpointStore.ReadManifest(output);
        Assert.Equal(1, crashed.State.EpochsDone);
        Assert.False(crashed.State.Completed);
        Assert.Empty(crashed.AttributeVectors);
        Assert.Equal("", crashed.Files.Reference);
        Assert.Null(crashed.Ood);

        var resumed = TrainingPipeline.Train(domain, new TrainRequest(data, null, output, Settings: settings, Device: "cpu"));
        Assert.True(resumed.Completed);
        var manifest = CheckpointStore.ReadManifest(output);
        Assert.True(manifest.State.Completed);
        Assert.Equal(crashed.State.Step, manifest.State.Step);
        Assert.Equal(computed.AttributeVectors["a_share"], manifest.AttributeVectors["a_share"]);
        Assert.Equal(computed.Ood, manifest.Ood);
        Assert.True(File.Exists(Path.Combine(output, manifest.Files.Reference)));
        Assert.True(File.Exists(Path.Combine(output, manifest.Files.TrainingHashes)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
