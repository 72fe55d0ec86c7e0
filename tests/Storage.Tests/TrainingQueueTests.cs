namespace LatentWorkbench.Storage.Tests;

public sealed class TrainingQueueTestsOnSqlite() : TrainingQueueTests(StorageProvider.Sqlite);

public sealed class TrainingQueueTestsOnPostgres() : TrainingQueueTests(StorageProvider.Postgres);

/// <summary>Training jobs as a queue that several workers share: claims, leases, takeovers, cancels across instances.</summary>
public abstract class TrainingQueueTests(StorageProvider provider) : StoreTests(provider)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private TrainingJobStore Jobs => new(Db.Database);

    private TrainingJob Queue(string name) => Jobs.Create(new TrainingJobRequest("toy", name, "/data/toy.txt", Epochs: 2), $"/models/toy/{name}");

    [SkippableFact]
    public void Claim_TakesTheOldestQueuedJob_AndHoldsItForItsWorker()
    {
        var first = Queue("first");
        var second = Queue("second");
        var claimed = Jobs.Claim("a/1/x", Minute);
        Assert.NotNull(claimed);
        Assert.Equal((first.Id, TrainingJobStatus.Running, "a/1/x", 0), (claimed.Id, claimed.Status, claimed.Worker, claimed.Takeovers));
        Assert.Equal(second.Id, Jobs.Claim("b/1/y", Minute)!.Id);
        Assert.Null(Jobs.Claim("c/1/z", Minute));
    }

    [SkippableFact]
    public async Task WorkersRacingForTheQueue_EachJobIsClaimedOnce()
    {
        var queued = Enumerable.Range(0, 24).Select(i => Queue($"job-{i}").Id).ToHashSet();
        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(w => Task.Run(() =>
        {
            var mine = new List<long>();
            while (Jobs.Claim($"worker/{w}/x", Minute) is { } job) mine.Add(job.Id);
            return mine;
        })));
        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(queued.Count, all.Count);
        Assert.Equal(queued, all.ToHashSet());
    }

    [SkippableFact]
    public async Task AnExpiredLease_IsTakenOver_AndTheOldWorkerCannotWriteAnyMore()
    {
        var job = Queue("taken");
        var old = Jobs.Claim("old/1/x", TimeSpan.FromMilliseconds(50))!;
        Assert.Null(Jobs.Claim("new/1/y", Minute)); // still leased
        await Task.Delay(120);
        var taken = Jobs.Claim("new/1/y", Minute)!;
        Assert.Equal((job.Id, "new/1/y", 1), (taken.Id, taken.Worker, taken.Takeovers));
        Assert.Equal(LeaseRenewal.Lost, Jobs.Renew(job.Id, "old/1/x", Minute));
        Assert.False(Jobs.Update(old with { Step = 99 }, "old/1/x"));
        Assert.Null(Jobs.Release(old with { Status = TrainingJobStatus.Completed }, "old/1/x"));
        Assert.Equal(LeaseRenewal.Held, Jobs.Renew(job.Id, "new/1/y", Minute));
        Assert.True(Jobs.Update(taken with { Step = 5 }, "new/1/y"));
        var released = Jobs.Release(taken with { Status = TrainingJobStatus.Completed, Step = 10 }, "new/1/y")!;
        Assert.Equal((TrainingJobStatus.Completed, 10L, (string?)null), (released.Status, released.Step, released.Worker));
        Assert.Equal(released, Jobs.Get(job.Id));
    }

    [SkippableFact]
    public async Task AJobThatKeepsLosingItsWorker_Fails_InsteadOfBeingTakenOverForever()
    {
        var job = Queue("crashes");
        Jobs.Claim("w/0/x", TimeSpan.FromMilliseconds(1));
        for (int i = 1; i <= TrainingJobStore.DefaultMaxTakeovers; i++)
        {
            await Task.Delay(10);
            Assert.Equal(i, Jobs.Claim($"w/{i}/x", TimeSpan.FromMilliseconds(1))!.Takeovers);
        }
        await Task.Delay(10);
        Assert.Null(Jobs.Claim("w/last/x", Minute));
        var failed = Jobs.Get(job.Id)!;
        Assert.Equal(TrainingJobStatus.Failed, failed.Status);
        Assert.Contains("stopped 4 times", failed.Message);
        Assert.True(failed.CanResume);
        var resumed = Jobs.Requeue(job.Id, "again")!;
        Assert.Equal((TrainingJobStatus.Queued, 0, (string?)null), (resumed.Status, resumed.Takeovers, resumed.Worker));
    }

    [SkippableFact]
    public void Cancel_StopsAQueuedJobAtOnce_AndAsksARunningOnesWorker()
    {
        var running = Queue("running");
        var waiting = Queue("waiting");
        Jobs.Claim("a/1/x", Minute);
        Assert.Equal(TrainingJobStatus.Cancelled, Jobs.Cancel(waiting.Id)!.Status);
        var stopping = Jobs.Cancel(running.Id)!;
        Assert.Equal(TrainingJobStatus.Running, stopping.Status);
        Assert.True(stopping.CancelRequested);
        Assert.Equal(LeaseRenewal.StopRequested, Jobs.Renew(running.Id, "a/1/x", Minute));
        Assert.Null(Jobs.Cancel(waiting.Id)); // already cancelled
        Assert.False(Jobs.Remove(running.Id)); // still running
        var cancelled = Jobs.Release(stopping with { Status = TrainingJobStatus.Cancelled }, "a/1/x")!;
        Assert.Equal((TrainingJobStatus.Cancelled, false), (cancelled.Status, cancelled.CancelRequested));
        Assert.False(Jobs.Get(running.Id)!.CancelRequested);
        Assert.True(Jobs.Remove(running.Id));
        Assert.Null(Jobs.Get(running.Id));
    }

    [SkippableFact]
    public async Task AStopRequestedJobWhoseWorkerVanished_EndsCancelled_NotTakenOver()
    {
        var job = Queue("stop");
        Jobs.Claim("a/1/x", TimeSpan.FromMilliseconds(30));
        Jobs.Cancel(job.Id);
        await Task.Delay(80);
        Assert.Null(Jobs.Claim("b/1/y", Minute));
        Assert.Equal(TrainingJobStatus.Cancelled, Jobs.Get(job.Id)!.Status);
    }

    [SkippableFact]
    public async Task ChangedSince_ListsRowsAnyInstanceChanged()
    {
        var before = DateTimeOffset.UtcNow;
        await Task.Delay(5);
        var job = Queue("seen");
        var other = new TrainingJobStore(Db.Reopen()); // another instance on the same store
        Assert.Equal([job.Id], other.ChangedSince(before).Select(j => j.Id));
        var mark = other.ChangedSince(before)[0].Updated;
        Assert.Empty(other.ChangedSince(mark));
        await Task.Delay(5);
        Jobs.Cancel(job.Id);
        Assert.Equal(TrainingJobStatus.Cancelled, Assert.Single(other.ChangedSince(mark)).Status);
    }

    [SkippableFact]
    public void ChartPoints_KeepTheirOrder_AndGoWithTheirJob()
    {
        var job = Queue("charted");
        for (int step = 1; step <= 3; step++)
            Jobs.AddPoint(job.Id, new TrainingJobPoint(step * 10, 1, 5.0 / step, 2, 0.5, 0.1, 1e-3, 900, step == 3 ? 0.7 : null));
        var points = Jobs.Points(job.Id);
        Assert.Equal([10L, 20L, 30L], points.Select(p => p.Step));
        Assert.Equal(0.7, points[^1].ValidTokenAccuracy);
        Jobs.Cancel(job.Id);
        Assert.True(Jobs.Remove(job.Id));
        Assert.Empty(Jobs.Points(job.Id));
    }
}
