using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Core.Training;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Core.Tests.Training;

public sealed class ResumeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("latent-resume-").FullName;

    [Fact]
    public void Train_StoppedMidway_ResumesFromItsCheckpoint()
    {
        var domain = new ToyDomain();
        var data = Path.Combine(_folder, "train.txt");
        File.WriteAllLines(data, ToyDomain.Generate(1200, 3));
        var output = Path.Combine(_folder, "model");
        var settings = domain.Defaults.Training with { Epochs = 3, CheckpointEverySteps = 10, MaxStepsThisRun = 25 };
        var first = TrainingPipeline.Train(domain, new TrainRequest(data, null, output, Settings: settings, Device: "cpu"));
        Assert.False(first.Completed);
        Assert.Equal(25, CheckpointStore.ReadManifest(output).State.Step);
        Assert.Single(Directory.GetFiles(output, "model-s*.bin"));

        var steps = new List<long>();
        var second = TrainingPipeline.Train(domain, new TrainRequest(data, null, output, Settings: settings with { MaxStepsThisRun = 0 }, Device: "cpu"),
            new SyncProgress(steps));
        Assert.True(second.Completed);
        Assert.True(steps.Min() > 25, "the resumed run starts after the saved step");
        var manifest = CheckpointStore.ReadManifest(output);
        Assert.Equal(3, manifest.State.EpochsDone);
        Assert.Equal(3, manifest.History.Count);
        Assert.Throws<InvalidOperationException>(() => TrainingPipeline.Train(domain, new TrainRequest(data, null, output, Settings: settings, Device: "cpu")));
    }

    [Fact]
    public void Train_Cancelled_LeavesAResumableCheckpoint()
    {
        var domain = new ToyDomain();
        var data = Path.Combine(_folder, "train.txt");
        File.WriteAllLines(data, ToyDomain.Generate(800, 4));
        var output = Path.Combine(_folder, "cancelled");
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var outcome = TrainingPipeline.Train(domain, new TrainRequest(data, null, output, Settings: domain.Defaults.Training with { Epochs = 1 }, Device: "cpu"), null, cancel.Token);
        Assert.False(outcome.Completed);
        Assert.True(CheckpointStore.Exists(output));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class SyncProgress(List<long> steps) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => steps.Add(value.Step);
    }
}
