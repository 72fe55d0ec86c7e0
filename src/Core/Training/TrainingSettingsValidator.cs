namespace LatentWorkbench.Core.Training;

/// <summary>
/// The ranges <see cref="TrainingSettings"/> must be in, one rule set for every front (<c>latent train</c>, the web's
/// training form and <c>POST /api/training/jobs</c>), each problem a message that names the setting and the value.
/// </summary>
public static class TrainingSettingsValidator
{
    /// <summary>Most epochs one run may plan.</summary>
    public const int MaxEpochs = 1000;

    /// <summary>Largest batch.</summary>
    public const int MaxBatchSize = 65_536;

    /// <summary>Largest KL weight (beta).</summary>
    public const double MaxKlWeight = 10;

    /// <summary>Largest peak learning rate.</summary>
    public const double MaxLearningRate = 1;

    /// <summary>
    /// What is wrong with <paramref name="settings"/> and the training item <paramref name="limit"/> (0 = all), one
    /// message per problem; empty when they are fine.
    /// </summary>
    public static IReadOnlyList<string> Problems(TrainingSettings settings, int limit = 0)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var s = settings;
        var problems = new List<string>();
        void Check(bool ok, string message) { if (!ok) problems.Add(message); }
        Check(s.Epochs is >= 1 and <= MaxEpochs, $"Epochs must be between 1 and {MaxEpochs} (got {s.Epochs}).");
        Check(s.BatchSize is >= 1 and <= MaxBatchSize, $"The batch size must be between 1 and {MaxBatchSize} (got {s.BatchSize}).");
        Check(s.LearningRate > 0 && s.LearningRate <= MaxLearningRate, $"The learning rate must be above 0 and at most {MaxLearningRate} (got {s.LearningRate}).");
        Check(s.KlWeight >= 0 && s.KlWeight <= MaxKlWeight, $"The KL weight must be between 0 and {MaxKlWeight} (got {s.KlWeight}).");
        Check(s.MaxStepsThisRun >= 0, $"The step limit must be 0 (none) or more (got {s.MaxStepsThisRun}).");
        Check(limit >= 0, $"The item limit must be 0 (all) or more (got {limit}).");
        Check(s.MinLearningRateFraction is >= 0 and <= 1, $"The final learning-rate fraction must be between 0 and 1 (got {s.MinLearningRateFraction}).");
        Check(s.WarmupSteps >= 0 && s.KlWarmupSteps >= 0 && s.ResumeWarmupSteps >= 0 && s.CheckpointEverySteps >= 0 && s.ValidationReconstructionLimit >= 0,
            "Warm-up steps, checkpoint interval and validation limit must be 0 or more.");
        Check(s.WeightDecay >= 0 && s.GradientClip > 0 && s.FreeBitsPerDim >= 0 && s.PropertyWeight >= 0 && s.TagWeight >= 0,
            $"Weight decay, free bits and loss weights must be 0 or more and the gradient clip above 0 (got {s.WeightDecay}, {s.FreeBitsPerDim}, {s.PropertyWeight}, {s.TagWeight}, {s.GradientClip}).");
        Check(s.ScheduledSampling is >= 0 and <= 1 && s.ScheduledSamplingSteps >= 0 && s.KlWarmupStart >= 0,
            $"The scheduled-sampling rate must be between 0 and 1, its steps and the KL warm-up start 0 or more (got {s.ScheduledSampling}, {s.ScheduledSamplingSteps}, {s.KlWarmupStart}).");
        Check(s.WordDropout is >= 0 and < 1, $"Word dropout must be at least 0 and below 1 (got {s.WordDropout}).");
        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> with every problem of <see cref="Problems"/>, if there is any.</summary>
    public static void Validate(TrainingSettings settings, int limit = 0)
    {
        var problems = Problems(settings, limit);
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems));
    }
}
