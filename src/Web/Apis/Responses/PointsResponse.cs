namespace LatentWorkbench.Web.Apis.Responses;

/// <summary>Decoded points, in order: a path from start to end, decoded latents, or samples.</summary>
/// <param name="Points">The points.</param>
public sealed record PointsResponse(IReadOnlyList<PointResponse> Points)
{
    /// <summary>The session the points were saved as (an interpolation asked with <c>save</c>), else null.</summary>
    public long? SessionId { get; init; }
}
