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
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Device"] = "cpu", ["Training:LeaseSeconds"] = "1.5", ["Training:PollSeconds"] = "0.1",
        }).Build(),
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
    public async Task AJobWhoseWorkerVanished_IsTakenOver_AndQueuedOnesArePickedUp()
    {
        await _runner.StopAsync(CancellationToken.None);
        var data = Path.Combine(_folders.DataRoots[0], "toy.txt");
        var abandoned = _store.Create(new TrainingJobRequest("toy", "abandoned", data, Epochs: 1), Path.Combine(_folders.ModelsRoot, "toy", "abandoned"));
        // A worker that took the job and then vanished: its lease has run out.
        Assert.Equal(abandoned.Id, _store.Claim("vanished/1/abcdef", TimeSpan.FromMilliseconds(1))!.Id);
        var queued = _store.Create(new TrainingJobRequest("toy", "was-queued", data, Epochs: 1), Path.Combine(_folders.ModelsRoot, "toy", "was-queued"));
        await Task.Delay(20);

        _runner.Dispose();
        _runner = NewRunner();
        await _runner.StartAsync(CancellationToken.None);
        var taken = await WaitFor(abandoned.Id, j => j.Status == TrainingJobStatus.Completed);
        Assert.Equal(1, taken.Takeovers);
        Assert.Null(taken.Worker);
        await WaitFor(queued.Id, j => j.Status == TrainingJobStatus.Completed);
        Assert.Equal(0, _runner.Get(queued.Id).Takeovers);
    }

    [Fact]
    public async Task TwoWorkersOnOneDatabase_RunEachJobOnce_AndACancelReachesTheOtherWorker()
    {
        using var other = NewRunner();
        await other.StartAsync(CancellationToken.None);
        Assert.NotEqual(_runner.WorkerName, other.WorkerName);
        var jobs = Enumerable.Range(0, 3).Select(i => _runner.Start(new TrainingJobRequest("toy", $"shared-{i}", "toy.txt", Epochs: 1))).ToList();
        var long1 = other.Start(new TrainingJobRequest("toy", "long-one", "toy.txt", Epochs: 40));
        foreach (var job in jobs)
        {
            var done = await WaitFor(job.Id, j => j.Status == TrainingJobStatus.Completed);
            Assert.Equal(0, done.Takeovers);
            // One run, from step 0 to the end: every chart step appears once.
            var steps = _runner.Points(job.Id).Where(p => p.ValidTokenAccuracy is null).Select(p => p.Step).ToList();
            Assert.Equal(steps.Count, steps.Distinct().Count());
        }
        var running = await WaitFor(long1.Id, j => j.Status == TrainingJobStatus.Running && j.Step > 0);
        // Cancel through the runner that does not train it: the worker that does stops at its next lease renewal.
        var (asker, trainer) = running.Worker == _runner.WorkerName ? (other, _runner) : (_runner, other);
        Assert.Equal(running.Worker, trainer.WorkerName);
        asker.Cancel(long1.Id);
        var cancelled = await asker.WaitForAsync(long1.Id, j => j.Status == TrainingJobStatus.Cancelled);
        Assert.True(cancelled.CanResume);
        await other.StopAsync(CancellationToken.None);
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
