using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Web.Apis.Responses;

/// <summary>The user's item a point stands in for, when the model could not decode that item back.</summary>
/// <param name="Item">The given item, canonical.</param>
/// <param name="Similarity">The domain's similarity between the given item and the point's item.</param>
/// <param name="Note">A sentence saying so, e.g. "the model cannot represent this molecule; the path starts from its nearest decodable neighbour".</param>
public sealed record StandInResponse(string Item, double Similarity, string Note)
{
    /// <summary>The response for <paramref name="standIn"/>, or null for none.</summary>
    public static StandInResponse? Of(StandIn? standIn) => standIn is null ? null : new(standIn.Given, standIn.Similarity, standIn.Note);
}
