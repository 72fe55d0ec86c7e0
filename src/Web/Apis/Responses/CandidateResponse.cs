namespace LatentWorkbench.Web.Apis.Responses;

/// <summary>A navigation candidate.</summary>
/// <param name="Score">Objective score (higher is better).</param>
/// <param name="Similarity">Similarity to the start item (0 to 1).</param>
/// <param name="Point">The decoded candidate.</param>
public sealed record CandidateResponse(double Score, double Similarity, PointResponse Point);
