using LatentWorkbench.Storage;

namespace LatentWorkbench.Web.Apis.Responses;

/// <summary>A training job with the points of its live charts.</summary>
/// <param name="Job">The job.</param>
/// <param name="Points">Running means every few steps and validation figures at epoch ends, oldest first.</param>
public sealed record TrainingJobDetailResponse(TrainingJobResponse Job, IReadOnlyList<TrainingJobPoint> Points);
