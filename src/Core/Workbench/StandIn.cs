namespace LatentWorkbench.Core.Workbench;

/// <summary>
/// Marks a point that stands for a user's item the model could not decode back: the path end, or the first point of
/// a walk, is then the item's nearest decodable neighbour, and users are told so.
/// </summary>
/// <param name="Given">The user's item, canonical.</param>
/// <param name="Similarity">The domain's similarity between the given item and the point's item (0 when the point is invalid).</param>
/// <param name="Note">A plain sentence saying what happened, e.g. "the model cannot represent this molecule; ...".</param>
public sealed record StandIn(string Given, double Similarity, string Note)
{
    /// <summary>The sentence for an item (named <paramref name="noun"/>) in <paramref name="role"/>.</summary>
    public static string NoteFor(ReferenceRole role, string noun) => role switch
    {
        ReferenceRole.From => $"the model cannot represent this {noun}; the path starts from its nearest decodable neighbour",
        ReferenceRole.To => $"the model cannot represent this {noun}; the path ends at its nearest decodable neighbour",
        _ => $"the model cannot represent this {noun}; the walk starts from its nearest decodable neighbour",
    };
}
