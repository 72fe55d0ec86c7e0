namespace LatentWorkbench.Core.Training;

/// <summary>Learning-rate and KL-weight schedules as pure functions of the step.</summary>
public static class Schedules
{
    /// <summary>Linear warm-up to the peak, then cosine decay to <see cref="TrainingSettings.MinLearningRateFraction"/> of it.</summary>
    public static double LearningRate(TrainingSettings s, long step, long totalSteps)
    {
        if (step < s.WarmupSteps) return s.LearningRate * (step + 1) / s.WarmupSteps;
        var progress = Math.Clamp((double)(step - s.WarmupSteps) / Math.Max(1, totalSteps - s.WarmupSteps), 0, 1);
        var floor = s.MinLearningRateFraction;
        return s.LearningRate * (floor + (1 - floor) * 0.5 * (1 + Math.Cos(Math.PI * progress)));
    }

    /// <summary>
    /// Factor on the learning rate <paramref name="stepsSinceResume"/> steps after resuming without optimizer state: a
    /// linear ramp over <see cref="TrainingSettings.ResumeWarmupSteps"/>, since Adam's moment estimates start from zero.
    /// </summary>
    public static double Rewarm(TrainingSettings s, long stepsSinceResume) =>
        s.ResumeWarmupSteps <= 0 ? 1 : Math.Min(1.0, (stepsSinceResume + 1.0) / s.ResumeWarmupSteps);

    /// <summary>Scheduled-sampling rate: a linear rise from 0 to <see cref="TrainingSettings.ScheduledSampling"/> over <see cref="TrainingSettings.ScheduledSamplingSteps"/>.</summary>
    public static double SamplingRate(TrainingSettings s, long step) =>
        s.ScheduledSampling <= 0 ? 0 : s.ScheduledSampling * Math.Min(1.0, (step + 1.0) / Math.Max(1, s.ScheduledSamplingSteps));

    /// <summary>KL weight (0 before <see cref="TrainingSettings.KlWarmupStart"/>): monotonic warm-up, or cyclical (Fu et al. 2019: ramp over half a cycle, hold the rest).</summary>
    public static double KlWeight(TrainingSettings s, long step)
    {
        if (step < s.KlWarmupStart) return 0;
        step -= s.KlWarmupStart;
        var period = Math.Max(1, s.KlWarmupSteps);
        var fraction = s.KlSchedule == KlSchedule.Cyclical
            ? Math.Min(1.0, 2.0 * (step % period) / period)
            : Math.Min(1.0, (double)step / period);
        return s.KlWeight * fraction;
    }
}
