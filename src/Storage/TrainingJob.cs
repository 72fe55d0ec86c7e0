namespace LatentWorkbench.Storage;

/// <summary>Where a background training job stands.</summary>
public enum TrainingJobStatus
{
    /// <summary>Waiting for a training worker (each worker trains one job at a time).</summary>
    Queued,
    /// <summary>Training now, on the worker named in <see cref="TrainingJob.Worker"/>, under a lease it renews.</summary>
    Running,
    /// <summary>Stopped by a user after writing a checkpoint; can be resumed.</summary>
    Cancelled,
    /// <summary>
    /// Stopped by a workbench that shut down while training it (databases written before the training queue); can be
    /// resumed from its last checkpoint. Jobs of a stopping or vanished worker now go back to the queue instead.
    /// </summary>
    Interrupted,
    /// <summary>Ended with an error (the message says which); can be resumed once the cause is fixed.</summary>
    Failed,
    /// <summary>All planned epochs done; the model is in the catalog.</summary>
    Completed,
}

/// <summary>What a user asked to train: data, checkpoint name and the settings that differ from the domain's defaults.</summary>
/// <param name="Domain">Domain id.</param>
/// <param name="Name">Checkpoint folder name (letters, digits, '-', '_', '.').</param>
/// <param name="Data">Training data (file or folder) under one of the data roots.</param>
/// <param name="Valid">Held-out data, or null for 5% of <paramref name="Data"/>.</param>
/// <param name="Epochs">Epochs, or null for the domain's default.</param>
/// <param name="Limit">Most training items read (0 = all).</param>
/// <param name="KlWeight">Final KL weight, or null for the domain's default.</param>
public sealed record TrainingJobRequest(string Domain, string Name, string Data, string? Valid = null, int? Epochs = null, int Limit = 0,
    double? KlWeight = null);

/// <summary>A background training job as stored: the request, where it trains to, and its latest progress.</summary>
public sealed record TrainingJob
{
    /// <summary>Row id.</summary>
    public long Id { get; init; }
    /// <summary>What was asked.</summary>
    public required TrainingJobRequest Request { get; init; }
    /// <summary>The checkpoint folder the job writes (and resumes from).</summary>
    public required string Output { get; init; }
    /// <summary>Current status.</summary>
    public TrainingJobStatus Status { get; init; }
    /// <summary>Optimisation steps done.</summary>
    public long Step { get; init; }
    /// <summary>Optimisation steps planned (0 until training starts).</summary>
    public long TotalSteps { get; init; }
    /// <summary>Current epoch (1-based; 0 before training starts).</summary>
    public int Epoch { get; init; }
    /// <summary>Epochs planned (0 until training starts).</summary>
    public int Epochs { get; init; }
    /// <summary>Estimated seconds left, when training.</summary>
    public double? EtaSeconds { get; init; }
    /// <summary>The latest progress line, or the error of a failed job.</summary>
    public string Message { get; init; } = "";
    /// <summary>When the job was created.</summary>
    public DateTimeOffset Created { get; init; }
    /// <summary>When the row last changed.</summary>
    public DateTimeOffset Updated { get; init; }
    /// <summary>The worker (instance) that holds the job while it runs, or null.</summary>
    public string? Worker { get; init; }
    /// <summary>Whether a user asked the running job to stop (its worker sees this when it renews its lease).</summary>
    public bool CancelRequested { get; init; }
    /// <summary>How often a worker took the job over after its previous worker vanished (reset when a user resumes it).</summary>
    public int Takeovers { get; init; }

    /// <summary>Fraction of the planned steps done (0 to 1).</summary>
    public double Fraction => Status == TrainingJobStatus.Completed ? 1 : TotalSteps > 0 ? Math.Clamp((double)Step / TotalSteps, 0, 1) : 0;

    /// <summary>Whether the job can be resumed (it stopped before completing and is not queued or running).</summary>
    public bool CanResume => Status is TrainingJobStatus.Cancelled or TrainingJobStatus.Interrupted or TrainingJobStatus.Failed;

    /// <summary>Whether the job can be cancelled (queued or running).</summary>
    public bool CanCancel => Status is TrainingJobStatus.Queued or TrainingJobStatus.Running;
}

/// <summary>
/// One point of a job's live charts: the trainer's running means every few steps, and at epoch ends the validation
/// figures (held-out token accuracy, exact reconstruction, KL, active units).
/// </summary>
public sealed record TrainingJobPoint(long Step, int Epoch, double Loss, double Kl, double TokenAccuracy, double KlWeight, double LearningRate,
    double TokensPerSecond, double? ValidTokenAccuracy = null, double? ValidExact = null, double? ValidKl = null, double? ActiveUnitsFraction = null);
