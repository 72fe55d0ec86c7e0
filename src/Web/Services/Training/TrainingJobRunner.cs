using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Runtime;
using LatentWorkbench.Core.Training;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Storage;

namespace LatentWorkbench.Web.Services.Training;

/// <summary>A request that does not fit the job's state (cancelling a finished job, resuming a running one).</summary>
public sealed class TrainingJobStateException(string message) : InvalidOperationException(message);

/// <summary>
/// Trains models in the background, one job at a time (training takes every core it is given). Jobs are rows in
/// <see cref="TrainingJobStore"/>: progress and chart points are written as the trainer reports them, so the Models page
/// shows them live and after a reload. Cancelling writes a checkpoint first; a cancelled, failed or interrupted job
/// resumes from its last checkpoint. On start, jobs left running by a previous process become interrupted and queued
/// jobs are picked up again.
/// </summary>
public sealed partial class TrainingJobRunner(TrainingJobStore store, DomainRegistry registry, TrainingFolders folders, IConfiguration configuration,
    ILogger<TrainingJobRunner> logger) : BackgroundService
{
    private readonly Channel<long> _queue = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<long, CancellationTokenSource> _running = new();
    // Held while a job's status changes hands between callers and the worker (start, cancel, resume, remove), so a
    // cancel that arrives while the worker picks the job up is never overwritten by the worker's "running".
    private readonly Lock _gate = new();

    /// <summary>
    /// Raised with the job as saved whenever the runner changes it (queued, taken up, progress with new chart points,
    /// stopping, finished), on the thread that changed it (the training thread for progress). Jobs marked interrupted
    /// at start-up and removed jobs raise nothing.
    /// </summary>
    public event Action<TrainingJob>? Changed;

    /// <summary>The jobs, newest first, optionally of one domain.</summary>
    public IReadOnlyList<TrainingJob> List(string? domain = null) => store.List(domain);

    /// <summary>The job with <paramref name="id"/>; throws <see cref="KeyNotFoundException"/> when there is none.</summary>
    public TrainingJob Get(long id) => store.Get(id) ?? throw new KeyNotFoundException($"There is no training job {id}.");

    /// <summary>The chart points of job <paramref name="id"/>.</summary>
    public IReadOnlyList<TrainingJobPoint> Points(long id) => store.Points(id);

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
        if (Directory.Exists(output) || store.List(domain.Id).Any(j => j.Output == output))
            throw new ItemInputException($"A {domain.DisplayName} model named '{request.Name}' already exists; choose another name, or resume its job.");
        var job = store.Create(request with { Domain = domain.Id, Data = data, Valid = valid }, output);
        logger.LogInformation("Training job {Id} queued: {Domain} '{Name}' from {Data}", job.Id, domain.Id, request.Name, data);
        Enqueue(job);
        return job;
    }

    /// <summary>
    /// Cancels a queued job at once, or asks a running one to stop (it writes a checkpoint within a step). Throws
    /// <see cref="TrainingJobStateException"/> for a job that is neither.
    /// </summary>
    public TrainingJob Cancel(long id)
    {
        lock (_gate)
        {
            var job = Get(id);
            if (!job.CanCancel) throw new TrainingJobStateException($"Training job {id} is {TrainingJobStore.Name(job.Status)}; only queued or running jobs can be cancelled.");
            if (_running.TryGetValue(id, out var cancel))
            {
                cancel.Cancel();
                return Save(job with { Message = "Stopping: writing a checkpoint after the current step." });
            }
            return Save(job with { Status = TrainingJobStatus.Cancelled, EtaSeconds = null, Message = "Cancelled before it started." });
        }
    }

    /// <summary>Queues a cancelled, interrupted or failed job again; it continues from its last checkpoint.</summary>
    public TrainingJob Resume(long id)
    {
        lock (_gate)
        {
            var job = Get(id);
            if (!job.CanResume) throw new TrainingJobStateException($"Training job {id} is {TrainingJobStore.Name(job.Status)}; only cancelled, interrupted or failed jobs can be resumed.");
            job = job with { Status = TrainingJobStatus.Queued, Message = "Queued to resume from its last checkpoint." };
            Enqueue(job);
            return job;
        }
    }

    /// <summary>Forgets a job that is not queued or running (its checkpoint stays in the catalog).</summary>
    public void Remove(long id)
    {
        lock (_gate)
        {
            var job = Get(id);
            if (job.CanCancel) throw new TrainingJobStateException($"Training job {id} is {TrainingJobStore.Name(job.Status)}; cancel it first.");
            store.Remove(id);
        }
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interrupted = store.MarkRunningInterrupted();
        if (interrupted > 0) logger.LogWarning("{Count} training job(s) were interrupted by the last shutdown; resume them from the Models page", interrupted);
        foreach (var job in store.WithStatus(TrainingJobStatus.Queued)) _queue.Writer.TryWrite(job.Id);
        try
        {
            await foreach (var id in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                if (Claim(id, stoppingToken) is var (job, cancel)) await RunAsync(job, cancel, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: queued jobs stay queued in the database and start with the next process.
        }
    }

    private void Enqueue(TrainingJob job)
    {
        Save(job);
        _queue.Writer.TryWrite(job.Id);
    }

    /// <summary>Marks a still-queued job running and registers its cancellation (atomically with <see cref="Cancel"/>); null when it is no longer queued.</summary>
    private (TrainingJob Job, CancellationTokenSource Cancel)? Claim(long id, CancellationToken stopping)
    {
        lock (_gate)
        {
            if (store.Get(id) is not { Status: TrainingJobStatus.Queued } job) return null;
            var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            _running[id] = cancel;
            return (Save(job with { Status = TrainingJobStatus.Running, Message = "Reading the data set." }), cancel);
        }
    }

    private async Task RunAsync(TrainingJob job, CancellationTokenSource cancellation, CancellationToken stopping)
    {
        var domain = registry.Get(job.Request.Domain);
        using var cancel = cancellation;
        var progress = new JobProgress(this, store, job);
        try
        {
            var settings = Settings(domain, job.Request) with { Precision = PrecisionSelector.Parse(configuration["Precision"]) };
            var request = new TrainRequest(job.Request.Data, job.Request.Valid, job.Output, Settings: settings,
                Device: configuration["Device"] ?? "auto", Limit: job.Request.Limit, Notes: $"Trained in the workbench (job {job.Id}).");
            // The trainer is synchronous and long: give it its own thread instead of a pool thread.
            var outcome = await Task.Factory.StartNew(() => TrainingPipeline.Train(domain, request, progress, cancel.Token),
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
            logger.LogError(e, "Training job {Id} failed", job.Id);
            job = progress.Job with { Status = TrainingJobStatus.Failed, EtaSeconds = null, Message = e.Message };
        }
        finally
        {
            _running.TryRemove(job.Id, out _);
        }
        Save(job);
    }

    private static TrainingJob Stopped(TrainingJob job, CancellationToken stopping, string where) => stopping.IsCancellationRequested
        ? job with { Status = TrainingJobStatus.Interrupted, EtaSeconds = null, Message = $"The workbench stopped {where}; resume to continue." }
        : job with { Status = TrainingJobStatus.Cancelled, EtaSeconds = null, Message = $"Cancelled {where}; resume to continue from the checkpoint." };

    private static TrainingSettings Settings(IDomainModule domain, TrainingJobRequest request)
    {
        var settings = domain.Defaults.Training;
        if (request.Epochs is { } epochs) settings = settings with { Epochs = epochs };
        if (request.KlWeight is { } kl) settings = settings with { KlWeight = kl };
        return settings;
    }

    private TrainingJob Save(TrainingJob job)
    {
        store.Update(job);
        Changed?.Invoke(job);
        return job;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex SafeName();

    /// <summary>Turns trainer reports into row updates and chart points (synchronously, on the training thread).</summary>
    private sealed class JobProgress(TrainingJobRunner runner, TrainingJobStore store, TrainingJob job) : IProgress<TrainingProgress>
    {
        public TrainingJob Job { get; private set; } = job;

        public void Report(TrainingProgress value)
        {
            var v = value.Validation;
            store.AddPoint(Job.Id, new TrainingJobPoint(value.Step, value.Epoch, value.Loss, value.Kl, value.TokenAccuracy, value.KlWeight,
                value.LearningRate, value.TokensPerSecond, v?.TokenAccuracy, v?.ExactReconstruction, v?.Kl, v?.ActiveUnitsFraction));
            var message = value.Warning ?? (v is not null ? value.Message
                : $"epoch {value.Epoch}/{value.Epochs} · loss {value.Loss:0.###} · KL {value.Kl:0.#} · accuracy {value.TokenAccuracy:0.###}");
            Job = runner.Save(Job with
            {
                Step = value.Step, TotalSteps = value.TotalSteps, Epoch = value.Epoch, Epochs = value.Epochs,
                EtaSeconds = value.Eta.TotalSeconds, Message = message,
            });
        }
    }
}
