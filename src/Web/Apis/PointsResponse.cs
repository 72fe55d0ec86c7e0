namespace LatentWorkbench.Web.Apis;

/// <summary>Decoded points, each in the JSON shape of <c>PointJson</c> (the item under the domain's field name).</summary>
/// <param name="Points">The points, in order.</param>
public sealed record PointsResponse(IReadOnlyList<Dictionary<string, object?>> Points);
