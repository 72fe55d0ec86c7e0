namespace LatentWorkbench.Core.Training;

/// <summary>Progress report from the trainer, raised every few steps and after each validation.</summary>
public sealed record TrainingProgress
{
    /// <summary>Current epoch (1-based).</summary>
    public int Epoch { get; init; }
    /// <summary>Epochs planned.</summary>
    public int Epochs { get; init; }
    /// <summary>Optimisation steps done so far (all runs).</summary>
    public long Step { get; init; }
    /// <summary>Optimisation steps planned.</summary>
    public long TotalSteps { get; init; }
    /// <summary>Recent mean training loss per item.</summary>
    public double Loss { get; init; }
    /// <summary>Recent mean KL per item (nats).</summary>
    public double Kl { get; init; }
    /// <summary>Recent teacher-forced token accuracy on training batches.</summary>
    public double TokenAccuracy { get; init; }
    /// <summary>Current KL weight.</summary>
    public double KlWeight { get; init; }
    /// <summary>Current learning rate.</summary>
    public double LearningRate { get; init; }
    /// <summary>Training throughput.</summary>
    public double TokensPerSecond { get; init; }
    /// <summary>Estimated time to finish the planned steps.</summary>
    public TimeSpan Eta { get; init; }
    /// <summary>Validation figures, set on the report that ends an epoch.</summary>
    public ValidationMetrics? Validation { get; init; }
    /// <summary>A loud warning when the latent space collapses (KL ~ 0), else null.</summary>
    public string? Warning { get; init; }
    /// <summary>Human-readable line for logs.</summary>
    public string Message { get; init; } = "";
}
