using LatentWorkbench.Core.Training;

namespace LatentWorkbench.Core.Tests.Toy;

/// <summary>Collects training reports synchronously (System.Progress posts to the thread pool, so reports could arrive late).</summary>
public sealed class ProgressSink(List<TrainingProgress> reports) : IProgress<TrainingProgress>
{
    /// <summary>Adds <paramref name="value"/> to the list.</summary>
    public void Report(TrainingProgress value)
    {
        lock (reports) reports.Add(value);
    }
}
