using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Runtime;
using LatentWorkbench.Core.Training;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Storage;

namespace LatentWorkbench.Web.Services.Training;

/// <summary>A request that does not fit the job's state (cancelling a finished job, resuming a running one).</summary>
public sealed class TrainingJobStateException(string message) : InvalidOperationException(message);

/// <summary>
/// Trains models in the background. Jobs are rows in <see cref="TrainingJobStore"/>, which is also their queue: every
/// instance whose <c>Training:Worker</c> is true (the default) takes the oldest queued job when it is free, trains it
/// under a lease it renews every third of <c>Training:LeaseSeconds</c> (default 30), and writes progress and chart
/// points as the trainer reports them, so the Models page of any instance shows them live and after a reload. A user's
/// cancel reaches the worker through the row (within a renewal); it writes a checkpoint first. When a worker vanishes
/// (killed, machine gone), its lease runs out and the next free worker takes the job over from its last checkpoint;
/// a worker that shuts down puts its job back in the queue. Changes made by other instances are noticed every
/// <c>Training:PollSeconds</c> (default 2) and raised as <see cref="Changed"/> here too.
/// </summary>
public sealed partial class TrainingJobRunner(TrainingJobStore store, DomainRegistry registry, TrainingFolders folders, IConfiguration configuration,
    ILogger<TrainingJobRunner> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<long, CancellationTokenSource> _running = new();
    private readonly SemaphoreSlim _wake = new(0);
    // For the nested lease keeper and progress writer (primary-constructor parameters are not members).
    private readonly TrainingJobStore _store = store;
    private readonly ILogger _logger = logger;
    private readonly Precision _precision = PrecisionSelector.Parse(configuration["Precision"]);
    private readonly string _device = configuration["Device"] ?? "auto";
    // Set on the trainer's own thread: a thread started after a model worker set its count would otherwise inherit that.
    private readonly int _threads = Math.Max(1, configuration.GetValue("Training:Threads", Environment.ProcessorCount));

    /// <summary>Default of <c>Training:LeaseSeconds</c>.</summary>
    public const double DefaultLeaseSeconds = 30;

    /// <summary>Default of <c>Training:PollSeconds</c>.</summary>
    public const double DefaultPollSeconds = 2;

    /// <summary>This instance's name in the queue: machine, process and a random part (a restarted process is a new worker).</summary>
    public string WorkerName { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Whether this instance trains jobs (<c>Training:Worker</c>, default true); others only queue and watch them.</summary>
    public bool IsWorker { get; } = configuration.GetValue("Training:Worker", true);

    private TimeSpan Lease { get; } = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Training:LeaseSeconds", DefaultLeaseSeconds), 1, 3600));

    private TimeSpan Poll { get; } = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Training:PollSeconds", DefaultPollSeconds), 0.05, 600));

    /// <summary>
    /// Raised with the job as saved whenever it changes: here (queued, taken up, progress with new chart points,
    /// stopping, finished) on the thread that changed it, and on other instances as this one notices (every poll).
    /// Removed jobs raise nothing.
    /// </summary>
    public event Action<TrainingJob>? Changed;

    /// <summary>The jobs, newest first, optionally of one domain.</summary>
    public IReadOnlyList<TrainingJob> List(string? domain = null) => _store.List(domain);

    /// <summary>The job with <paramref name="id"/>; throws <see cref="KeyNotFoundException"/> when there is none.</summary>
    public TrainingJob Get(long id) => _store.Get(id) ?? throw new KeyNotFoundException($"There is no training job {id}.");

    /// <summary>The chart points of job <paramref name="id"/>.</summary>
    public IReadOnlyList<TrainingJobPoint> Points(long id) => _store.Points(id);

    /// <summary>
    /// Validates <paramref name="request"/> and queues it. Throws <see cref="ItemInputException"/> for a bad name,
    /// setting or data set, or a checkpoint name already in use; <see cref="ArgumentException"/> for an unknown domain.
    /// </summary>
    public TrainingJob Start(TrainingJobRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var domain = registry.Get(request.Domain);
        if (string.IsNullOrWhiteSpace(request.Name) || !SafeName().IsMatch(request.Name))
            throw new ItemInputException("Name the model with 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit.");
        if (TrainingSettingsValidator.Problems(Settings(domain, request), request.Limit) is [_, ..] problems)
            throw new ItemInputException(string.Join(" ", problems));
        var data = folders.ResolveData(request.Data);
        var valid = request.Valid is { Length: > 0 } v ? folders.ResolveData(v) : null;
        var output = folders.ModelFolder(domain.Id, request.Name);
        if (Directory.Exists(output) || _store.List(domain.Id).Any(j => j.Output == output))
            throw new ItemInputException($"A {domain.DisplayName} model named '{request.Name}' already exists; choose another name, or resume its job.");
        var job = _store.Create(request with { Domain = domain.Id, Data = data, Valid = valid }, output);
        _logger.LogInformation("Training job {Id} queued: {Domain} '{Name}' from {Data}", job.Id, domain.Id, request.Name, data);
        if (!IsWorker) job = Saved(job with { Message = "Queued; an instance that trains (Training:Worker) will take it." });
        Announce(job);
        Wake();
        return job;
    }

    /// <summary>
    /// Cancels a queued job at once, or asks a running one to stop (it writes a checkpoint within a step, on whichever
    /// instance trains it). Throws <see cref="TrainingJobStateException"/> for a job that is neither.
    /// </summary>
    public TrainingJob Cancel(long id)
    {
        var job = Get(id);
        var cancelled = job.CanCancel ? _store.Cancel(id) : null;
        if (cancelled is null) throw new TrainingJobStateException($"Training job {id} is {TrainingJobStore.Name(Get(id).Status)}; only queued or running jobs can be cancelled.");
        if (_running.TryGetValue(id, out var running)) running.Cancel();
        Announce(cancelled);
        return cancelled;
    }

    /// <summary>Queues a cancelled, interrupted or failed job again; it continues from its last checkpoint.</summary>
    public TrainingJob Resume(long id)
    {
        var job = Get(id);
        var queued = job.CanResume ? _store.Requeue(id, "Queued to resume from its last checkpoint.") : null;
        if (queued is null) throw new TrainingJobStateException($"Training job {id} is {TrainingJobStore.Name(Get(id).Status)}; only cancelled, interrupted or failed jobs can be resumed.");
        Announce(queued);
        Wake();
        return queued;
    }

    /// <summary>Forgets a job that is not queued or running (its checkpoint stays in the catalog).</summary>
    public void Remove(long id)
    {
        var job = Get(id);
        if (job.CanCancel || !_store.Remove(id)) throw new TrainingJobStateException($"Training job {id} is {TrainingJobStore.Name(Get(id).Status)}; cancel it first.");
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var following = FollowAsync(stoppingToken);
        try
        {
            while (IsWorker && !stoppingToken.IsCancellationRequested)
            {
                if (TryClaim() is { } job) await RunAsync(job, stoppingToken);
                else await _wake.WaitAsync(Poll, stoppingToken);
            }
            await following;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: queued jobs stay queued in the database for the next worker.
        }
    }

    private TrainingJob? TryClaim()
    {
        try
        {
            return _store.Claim(WorkerName, Lease);
        }
        catch (DbException e)
        {
            _logger.LogWarning(e, "Could not read the training queue; trying again in {Seconds} s", Poll.TotalSeconds);
            return null;
        }
    }

    private void Wake()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    /// <summary>Raises <see cref="Changed"/> for rows other instances (or this one's callers) changed, every poll.</summary>
    private async Task FollowAsync(CancellationToken stopping)
    {
        var seen = DateTimeOffset.UtcNow;
        using var timer = new PeriodicTimer(Poll);
        while (await timer.WaitForNextTickAsync(stopping))
        {
            try
            {
                foreach (var job in _store.ChangedSince(seen))
                {
                    seen = job.Updated > seen ? job.Updated : seen;
                    if (!_running.ContainsKey(job.Id)) Announce(job);
                }
            }
            catch (DbException e)
            {
                _logger.LogWarning(e, "Could not read training job changes; trying again in {Seconds} s", Poll.TotalSeconds);
            }
        }
    }

    private async Task RunAsync(TrainingJob job, CancellationToken stopping)
    {
        var domain = registry.Get(job.Request.Domain);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _running[job.Id] = cancel;
        var lease = new LeaseKeeper(this, job.Id, cancel);
        var renewing = lease.RunAsync();
        var progress = new JobProgress(this, lease, job);
        if (job.Takeovers > 0) _logger.LogWarning("Training job {Id} taken over by {Worker}: its previous worker stopped renewing its lease", job.Id, WorkerName);
        try
        {
            // The steps after the last checkpoint are trained again; their chart points go (one point per step).
            _store.TrimPoints(job.Id, CheckpointStore.Exists(job.Output) ? CheckpointStore.ReadManifest(job.Output).State.Step : 0);
            job = progress.Save(job with
            {
                Message = job.Takeovers > 0 ? "Taken over from a worker that stopped; resuming from its last checkpoint." : "Reading the data set.",
            });
            var settings = Settings(domain, job.Request) with { Precision = _precision };
            var request = new TrainRequest(job.Request.Data, job.Request.Valid, job.Output, Settings: settings,
                Device: _device, Limit: job.Request.Limit, Notes: $"Trained in the workbench (job {job.Id}).");
            // The trainer is synchronous and long: give it its own thread instead of a pool thread.
            var outcome = await Task.Factory.StartNew(() =>
                {
                    TorchSharp.torch.set_num_threads(_threads);
                    return TrainingPipeline.Train(domain, request, progress, cancel.Token);
                },
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            job = progress.Job;
            var state = outcome.Manifest.State;
            job = outcome.Completed
                ? job with { Status = TrainingJobStatus.Completed, Step = state.Step, Epoch = state.EpochsDone, EtaSeconds = null,
                    Message = $"Done: {state.EpochsDone} epochs, {state.Step:N0} steps in {TimeSpan.FromSeconds(state.Seconds):h\\:mm\\:ss}." }
                : Stopped(job, stopping, $"at step {state.Step:N0}");
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            job = Stopped(progress.Job, stopping, "before training began");
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Training job {Id} failed", job.Id);
            job = progress.Job with { Status = TrainingJobStatus.Failed, EtaSeconds = null, Message = e.Message };
        }
        finally
        {
            _running.TryRemove(job.Id, out _);
            await lease.StopAsync(renewing);
        }
        if (lease.Lost)
        {
            _logger.LogWarning("Training job {Id}: {Worker} lost its lease (another worker took the job over); its result is not written", job.Id, WorkerName);
            return;
        }
        if (_store.Release(job, WorkerName) is { } saved) Announce(saved);
    }

    private static TrainingJob Stopped(TrainingJob job, CancellationToken stopping, string where) => stopping.IsCancellationRequested
        ? job with { Status = TrainingJobStatus.Queued, EtaSeconds = null,
            Message = $"The instance training it stopped {where}; the next free worker continues from its last checkpoint." }
        : job with { Status = TrainingJobStatus.Cancelled, EtaSeconds = null, Message = $"Cancelled {where}; resume to continue from the checkpoint." };

    private static TrainingSettings Settings(IDomainModule domain, TrainingJobRequest request)
    {
        var settings = domain.Defaults.Training;
        if (request.Epochs is { } epochs) settings = settings with { Epochs = epochs };
        if (request.KlWeight is { } kl) settings = settings with { KlWeight = kl };
        return settings;
    }

    private TrainingJob Saved(TrainingJob job)
    {
        _store.Update(job);
        return job;
    }

    private void Announce(TrainingJob job) => Changed?.Invoke(job);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex SafeName();

    /// <summary>
    /// Renews the worker's lease on one job until stopped; cancels the training when a user asked it to stop (on any
    /// instance) or when the lease was lost to another worker.
    /// </summary>
    private sealed class LeaseKeeper(TrainingJobRunner runner, long jobId, CancellationTokenSource training)
    {
        private readonly CancellationTokenSource _stop = new();

        /// <summary>Whether another worker took the job over (this one must not write it any more).</summary>
        public bool Lost { get; private set; }

        public async Task RunAsync()
        {
            using var timer = new PeriodicTimer(runner.Lease / 3);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    try
                    {
                        switch (runner._store.Renew(jobId, runner.WorkerName, runner.Lease))
                        {
                            case LeaseRenewal.StopRequested:
                                training.Cancel();
                                break;
                            case LeaseRenewal.Lost:
                                MarkLost();
                                return;
                        }
                    }
                    catch (DbException e)
                    {
                        // The database is briefly unreachable: keep training; the lease holds until it runs out.
                        runner._logger.LogWarning(e, "Could not renew the lease of training job {Id}", jobId);
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
        }

        public void MarkLost()
        {
            Lost = true;
            training.Cancel();
        }

        public async Task StopAsync(Task renewing)
        {
            await _stop.CancelAsync();
            await renewing;
            _stop.Dispose();
        }
    }

    /// <summary>Turns trainer reports into row updates and chart points (synchronously, on the training thread).</summary>
    private sealed class JobProgress(TrainingJobRunner runner, LeaseKeeper lease, TrainingJob job) : IProgress<TrainingProgress>
    {
        public TrainingJob Job { get; private set; } = job;

        /// <summary>Writes <paramref name="changed"/> while this worker holds the job, and announces it; otherwise stops the training.</summary>
        public TrainingJob Save(TrainingJob changed)
        {
            if (!runner._store.Update(changed, runner.WorkerName))
            {
                lease.MarkLost();
                return Job;
            }
            Job = changed;
            runner.Announce(changed);
            return changed;
        }

        public void Report(TrainingProgress value)
        {
            if (lease.Lost) return;
            var v = value.Validation;
            runner._store.AddPoint(Job.Id, new TrainingJobPoint(value.Step, value.Epoch, value.Loss, value.Kl, value.TokenAccuracy, value.KlWeight,
                value.LearningRate, value.TokensPerSecond, v?.TokenAccuracy, v?.ExactReconstruction, v?.Kl, v?.ActiveUnitsFraction));
            var message = value.Warning ?? (v is not null ? value.Message
                : $"epoch {value.Epoch}/{value.Epochs} · loss {value.Loss:0.###} · KL {value.Kl:0.#} · accuracy {value.TokenAccuracy:0.###}");
            Save(Job with
            {
                Step = value.Step, TotalSteps = value.TotalSteps, Epoch = value.Epoch, Epochs = value.Epochs,
                EtaSeconds = value.Eta.TotalSeconds, Message = message,
            });
        }
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
