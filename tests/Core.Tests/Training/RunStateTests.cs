using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Core.Training;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Core.Tests.Training;

[Collection(ToyModelCollection.Name)]
public sealed class RunStateTests(ToyModelFixture toy) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("latent-runstate-").FullName;

    [Fact]
    public void Train_KeepsOptimizerStateInRunStateFolder_NotInTheModel()
    {
        Assert.Empty(Directory.GetFiles(toy.ModelFolder, "optimizer-*"));
        Assert.Equal("", toy.Outcome.Manifest.Files.Optimizer);
        var kept = Directory.GetFiles(Path.Combine(toy.ModelFolder, CheckpointStore.RunStateFolder));
        Assert.Equal([$"optimizer-s{toy.Outcome.Manifest.State.Step}.bin"], kept.Select(Path.GetFileName));
    }

    [Fact]
    public void Train_ResumingAShippedModelWithoutOptimizerState_WarmsUpAndCompletes()
    {
        var shipped = Path.Combine(_folder, "shipped");
        Directory.CreateDirectory(shipped);
        foreach (var file in Directory.GetFiles(toy.ModelFolder)) File.Copy(file, Path.Combine(shipped, Path.GetFileName(file)));
        var before = CheckpointStore.ReadManifest(shipped);
        var settings = before.Training with { Epochs = before.Training.Epochs + 1 };
        var reports = new List<TrainingProgress>();

        var outcome = TrainingPipeline.Train(toy.Domain, new TrainRequest(toy.TrainFile, toy.ValidFile, shipped, Settings: settings, Device: "cpu"),
            new ProgressSink(reports));

        Assert.True(outcome.Completed);
        var after = CheckpointStore.ReadManifest(shipped);
        Assert.True(after.State.Completed);
        Assert.Equal(settings.Epochs, after.State.EpochsDone);
        Assert.True(after.State.Step > before.State.Step);
        Assert.True(after.AttributeVectors.ContainsKey("a_share"));
        var first = reports.First(r => r.Validation is null);
        var stepsSinceResume = first.Step - 1 - before.State.Step;
        Assert.True(stepsSinceResume < settings.ResumeWarmupSteps, "the first report falls inside the warm-up");
        var planned = Schedules.LearningRate(settings, first.Step - 1, first.TotalSteps);
        Assert.Equal(planned * Schedules.Rewarm(settings, stepsSinceResume), first.LearningRate, 12);
        Assert.True(first.LearningRate < planned / 2, $"learning rate {first.LearningRate} right after resuming, scheduled {planned}");
        Assert.Single(Directory.GetFiles(Path.Combine(shipped, CheckpointStore.RunStateFolder), "optimizer-s*.bin"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
