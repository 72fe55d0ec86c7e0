using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Web.Apis.Responses;

/// <summary>Outcome of steering an item toward an objective.</summary>
/// <param name="Objective">The objective as text (e.g. <c>qed:max@1</c>).</param>
/// <param name="Start">The start item.</param>
/// <param name="Best">The best candidate that meets the constraints, or null when none does.</param>
/// <param name="Candidates">Distinct valid items found, best first.</param>
/// <param name="Trajectory">Decoded points along the gradient path, start first.</param>
public sealed record NavigationResponse(string Objective, PointResponse Start, PointResponse? Best,
    IReadOnlyList<CandidateResponse> Candidates, IReadOnlyList<PointResponse> Trajectory)
{
    /// <summary>The response for <paramref name="r"/>, found in <paramref name="domain"/>.</summary>
    public static NavigationResponse Of(IDomainModule domain, NavigationResult r) => new(r.Objective,
        PointResponse.Of(domain, r.Start), r.Best is null ? null : PointResponse.Of(domain, r.Best),
        r.Candidates.Select(c => new CandidateResponse(c.Score, c.Similarity, PointResponse.Of(domain, c.Point))).ToArray(),
        PointResponse.Of(domain, r.Trajectory));
}
