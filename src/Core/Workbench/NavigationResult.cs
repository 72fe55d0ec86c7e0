namespace LatentWorkbench.Core.Workbench;

/// <summary>Outcome of property-guided navigation.</summary>
/// <param name="Start">The start item.</param>
/// <param name="Best">Best candidate meeting the constraints (null when none).</param>
/// <param name="Candidates">Distinct valid items found, best first.</param>
/// <param name="Trajectory">Decoded points along the gradient path, start first.</param>
/// <param name="Objective">The objective as text.</param>
public sealed record NavigationResult(LatentPoint Start, LatentPoint? Best, IReadOnlyList<ScoredCandidate> Candidates,
    IReadOnlyList<LatentPoint> Trajectory, string Objective);

/// <summary>A candidate with its objective score (higher is better) and similarity to the start.</summary>
public sealed record ScoredCandidate(LatentPoint Point, double Score, double Similarity);
