namespace LatentWorkbench.Core.Training;

/// <summary>How the KL weight grows during training.</summary>
public enum KlSchedule
{
    /// <summary>Linear warm-up from 0 to <see cref="TrainingSettings.KlWeight"/>, then constant.</summary>
    Monotonic,
    /// <summary>Repeated warm-ups (Fu et al. 2019): each cycle ramps for half its length, then holds.</summary>
    Cyclical,
}

/// <summary>Optimisation and schedule settings for training a sequence VAE.</summary>
public sealed record TrainingSettings
{
    /// <summary>Passes over the training data.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Sequences per batch.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Peak AdamW learning rate.</summary>
    public double LearningRate { get; init; } = 2e-3;

    /// <summary>Final learning rate as a fraction of the peak (cosine decay).</summary>
    public double MinLearningRateFraction { get; init; } = 0.05;

    /// <summary>Linear warm-up steps of the learning rate.</summary>
    public int WarmupSteps { get; init; } = 200;

    /// <summary>Linear learning-rate warm-up steps when resuming a checkpoint that has no optimizer state (a shipped model).</summary>
    public int ResumeWarmupSteps { get; init; } = 100;

    /// <summary>AdamW weight decay.</summary>
    public double WeightDecay { get; init; } = 1e-4;

    /// <summary>Gradient norm clip.</summary>
    public double GradientClip { get; init; } = 1.0;

    /// <summary>Largest KL weight (beta).</summary>
    public double KlWeight { get; init; } = 1.0;

    /// <summary>KL schedule shape.</summary>
    public KlSchedule KlSchedule { get; init; } = KlSchedule.Monotonic;

    /// <summary>Steps of one KL warm-up (monotonic) or one cycle (cyclical).</summary>
    public int KlWarmupSteps { get; init; } = 2000;

    /// <summary>Free bits: KL per latent dimension below this many nats is not penalised (Kingma et al. 2016).</summary>
    public double FreeBitsPerDim { get; init; } = 0.1;

    /// <summary>Step at which the KL warm-up begins (0 = the first step); e.g. after a plain autoencoder phase trained with KL weight 0.</summary>
    public int KlWarmupStart { get; init; }

    /// <summary>
    /// Final rate of scheduled sampling (Bengio et al. 2015): the share of decoder inputs replaced by the network's own
    /// predictions from a teacher-forced pass without gradients; 0 (the default) trains with pure teacher forcing.
    /// </summary>
    public double ScheduledSampling { get; init; }

    /// <summary>Steps over which the scheduled-sampling rate rises linearly from 0 to <see cref="ScheduledSampling"/>.</summary>
    public int ScheduledSamplingSteps { get; init; } = 2000;

    /// <summary>Probability of replacing a decoder input token with unknown (Bowman et al. 2016).</summary>
    public double WordDropout { get; init; } = 0.1;

    /// <summary>Weight of the property-head regression loss (on standardised targets).</summary>
    public double PropertyWeight { get; init; } = 1.0;

    /// <summary>Weight of the tag classifier loss.</summary>
    public double TagWeight { get; init; } = 1.0;

    /// <summary>Random seed for initialisation, shuffling and dropout.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Held-out items used for the greedy reconstruction metric each epoch (0 = all).</summary>
    public int ValidationReconstructionLimit { get; init; } = 1000;

    /// <summary>Write a resumable checkpoint every this many steps (0 = only at epoch ends).</summary>
    public int CheckpointEverySteps { get; init; } = 500;

    /// <summary>Stop after this many optimisation steps in this run (0 = no limit); useful to train in slices.</summary>
    public int MaxStepsThisRun { get; init; }

    /// <summary>
    /// Number format of the forward and backward passes. <see cref="Runtime.Precision.Bf16"/> is mixed precision: a
    /// bfloat16 working copy computes the gradients, the float32 master weights and AdamW state take the update.
    /// </summary>
    public Runtime.Precision Precision { get; init; } = Runtime.Precision.Fp32;
}
