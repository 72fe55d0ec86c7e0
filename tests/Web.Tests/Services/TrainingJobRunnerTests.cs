using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Web.Services.Training;
using LatentWorkbench.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace LatentWorkbench.Web.Tests.Services;

/// <summary>Background training on the toy domain: jobs run to completion, stop and resume, and survive a restart.</summary>
public sealed class TrainingJobRunnerTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("latent-jobs-").FullName;
    private readonly ToyDomain _toy = new();
    private WorkbenchDatabase _database = null!;
    private TrainingJobStore _store = null!;
    private TrainingFolders _folders = null!;
    private TrainingJobRunner _runner = null!;

    public Task InitializeAsync()
    {
        var data = Directory.CreateDirectory(Path.Combine(_folder, "data")).FullName;
        File.WriteAllLines(Path.Combine(data, "toy.txt"), ToyDomain.Generate(1200, seed: 3));
        _database = new WorkbenchDatabase(Path.Combine(_folder, "workbench.db"));
        _store = new TrainingJobStore(_database);
        _folders = new TrainingFolders(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Training:DataRoots"] = data, ["Training:ModelsFolder"] = Path.Combine(_folder, "models"),
        }).Build());
        _runner = NewRunner();
        return _runner.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _runner.StopAsync(CancellationToken.None);
        _runner.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private TrainingJobRunner NewRunner() => new(_store, new DomainRegistry([_toy]), _folders,
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Device"] = "cpu" }).Build(),
        NullLogger<TrainingJobRunner>.Instance);

    private Task<TrainingJob> WaitFor(long id, Func<TrainingJob, bool> condition) => _runner.WaitForAsync(id, condition);

    [Fact]
    public async Task Job_TrainsToCompletion_WithChartPoints_AndAFinishedCheckpoint()
    {
        var changes = 0;
        _runner.Changed += _ => Interlocked.Increment(ref changes);
        var job = _runner.Start(new TrainingJobRequest("toy", "first", "toy.txt", Epochs: 2));
        Assert.Equal(TrainingJobStatus.Queued, job.Status);
        Assert.Equal(Path.Combine(_folders.ModelsRoot, "toy", "first"), job.Output);

        var done = await WaitFor(job.Id, j => j.Status == TrainingJobStatus.Completed);
        Assert.Equal(2, done.Epoch);
        Assert.Equal(1, done.Fraction);
        Assert.StartsWith("Done: 2 epochs", done.Message);
        var points = _runner.Points(job.Id);
        Assert.Contains(points, p => p.ValidTokenAccuracy is null && p.Loss > 0);
        Assert.Equal(2, points.Count(p => p.ValidTokenAccuracy is not null && p.ActiveUnitsFraction is not null));
        Assert.True(changes >= 3);
        var manifest = CheckpointStore.ReadManifest(job.Output);
        Assert.True(manifest.State.Completed);
        Assert.Equal(2, manifest.Training.Epochs);
    }

    [Fact]
    public async Task RunningJob_Cancels_WithACheckpoint_AndResumesToTheEnd()
    {
        var job = _runner.Start(new TrainingJobRequest("toy", "long", "toy.txt", Epochs: 30, KlWeight: 0.2));
        await WaitFor(job.Id, j => j.Status == TrainingJobStatus.Running && j.Step > 0);
        _runner.Cancel(job.Id);
        var cancelled = await WaitFor(job.Id, j => j.Status == TrainingJobStatus.Cancelled);
        Assert.True(cancelled.CanResume);
        Assert.Contains("resume", cancelled.Message);
        var saved = CheckpointStore.ReadManifest(job.Output);
        Assert.False(saved.State.Completed);
        Assert.Equal(0.2, saved.Training.KlWeight);
        Assert.Throws<TrainingJobStateException>(() => _runner.Cancel(job.Id));

        _runner.Resume(job.Id);
        var done = await WaitFor(job.Id, j => j.Status == TrainingJobStatus.Completed);
        Assert.Equal(done.TotalSteps, CheckpointStore.ReadManifest(job.Output).State.Step);
        Assert.True(CheckpointStore.ReadManifest(job.Output).State.Step > saved.State.Step);
        Assert.Throws<TrainingJobStateException>(() => _runner.Resume(job.Id));
    }

    [Fact]
    public void QueuedJob_CancelsAtOnce()
    {
        // A job queued behind a long one stays queued; cancelling it needs no trainer.
        var first = _runner.Start(new TrainingJobRequest("toy", "busy", "toy.txt", Epochs: 30));
        var second = _runner.Start(new TrainingJobRequest("toy", "waiting", "toy.txt"));
        var cancelled = _runner.Cancel(second.Id);
        Assert.Equal(TrainingJobStatus.Cancelled, cancelled.Status);
        Assert.Equal("Cancelled before it started.", cancelled.Message);
        _runner.Cancel(first.Id);
    }

    [Theory]
    [InlineData("bad name!", "toy.txt", "Name the model")]
    [InlineData("ok", "/etc/passwd", "outside the data folders")]
    [InlineData("ok", "../workbench.db", "outside the data folders")]
    [InlineData("ok", "missing.txt", "no data set 'missing.txt'")]
    [InlineData("ok", "", "Choose a data set")]
    public void Start_RefusesBadRequests_WithAMessage(string name, string data, string expected)
    {
        var error = Assert.Throws<ItemInputException>(() => _runner.Start(new TrainingJobRequest("toy", name, data)));
        Assert.Contains(expected, error.Message);
        Assert.Empty(_store.List());
    }

    [Fact]
    public void Start_RefusesBadSettings_UnknownDomains_AndNamesInUse()
    {
        Assert.Throws<ItemInputException>(() => _runner.Start(new TrainingJobRequest("toy", "x", "toy.txt", Epochs: 0)));
        Assert.Throws<ItemInputException>(() => _runner.Start(new TrainingJobRequest("toy", "x", "toy.txt", KlWeight: double.NaN)));
        Assert.Throws<ItemInputException>(() => _runner.Start(new TrainingJobRequest("toy", "x", "toy.txt", Limit: -1)));
        Assert.Throws<ArgumentException>(() => _runner.Start(new TrainingJobRequest("nope", "x", "toy.txt")));
        var job = _runner.Start(new TrainingJobRequest("toy", "taken", "toy.txt", Epochs: 30));
        Assert.Contains("already exists", Assert.Throws<ItemInputException>(() => _runner.Start(new TrainingJobRequest("toy", "taken", "toy.txt"))).Message);
        _runner.Cancel(job.Id);
    }

    [Fact]
    public async Task Restart_MarksRunningJobsInterrupted_AndPicksUpQueuedOnes()
    {
        await _runner.StopAsync(CancellationToken.None);
        var running = _store.Create(new TrainingJobRequest("toy", "was-running", Path.Combine(_folders.DataRoots[0], "toy.txt")), Path.Combine(_folders.ModelsRoot, "toy", "was-running"));
        _store.Update(running with { Status = TrainingJobStatus.Running, Step = 40 });
        var queued = _store.Create(new TrainingJobRequest("toy", "was-queued", Path.Combine(_folders.DataRoots[0], "toy.txt"), Epochs: 1),
            Path.Combine(_folders.ModelsRoot, "toy", "was-queued"));

        _runner.Dispose();
        _runner = NewRunner();
        await _runner.StartAsync(CancellationToken.None);
        await WaitFor(queued.Id, j => j.Status == TrainingJobStatus.Completed);
        // Jobs left running are marked interrupted (without a change event) before queued ones are taken up.
        var interrupted = _runner.Get(running.Id);
        Assert.Equal(TrainingJobStatus.Interrupted, interrupted.Status);
        Assert.True(interrupted.CanResume);
        Assert.Equal(40, interrupted.Step);
    }

    [Fact]
    public async Task Remove_ForgetsFinishedJobs_ButNotActiveOnes()
    {
        var job = _runner.Start(new TrainingJobRequest("toy", "gone", "toy.txt", Epochs: 30));
        Assert.Throws<TrainingJobStateException>(() => _runner.Remove(job.Id));
        _runner.Cancel(job.Id);
        await WaitFor(job.Id, j => !j.CanCancel);
        _runner.Remove(job.Id);
        Assert.Null(_store.Get(job.Id));
        Assert.Throws<KeyNotFoundException>(() => _runner.Get(job.Id));
    }
}
