namespace LatentWorkbench.Core.Workbench;

/// <summary>
/// A decoded latent point as users see it: the item (canonical when valid), its validity, novelty, properties,
/// similarity to the reference items, and how unusual the point is.
/// </summary>
/// <param name="T">Position along a path (0..1), or the step index for other operations.</param>
/// <param name="Text">Decoded item text (canonical form when valid).</param>
/// <param name="Valid">Whether the domain's validator accepts the item.</param>
/// <param name="Novel">Whether the item is absent from the training data (null when unknown).</param>
/// <param name="Properties">Property values (empty when invalid).</param>
/// <param name="Similarities">Similarity to each reference item, by reference name (e.g. "from", "to", "start").</param>
/// <param name="OodScore">Distance to training latents over the calibrated threshold; &gt; 1 is unusual (NaN when uncalibrated).</param>
/// <param name="Error">Why the item is invalid, or null.</param>
/// <param name="Latent">The latent vector.</param>
public sealed record LatentPoint(double T, string Text, bool Valid, bool? Novel, IReadOnlyDictionary<string, double> Properties,
    IReadOnlyDictionary<string, double> Similarities, double OodScore, string? Error, float[] Latent)
{
    /// <summary>
    /// Normalized token edit distance (0 = same tokens, 1 = nothing in common) to the operation's start item (the
    /// <c>from</c> or <c>start</c> reference), or null when there is none or the point is invalid.
    /// </summary>
    public double? DistanceFromStart { get; init; }

    /// <summary>
    /// Set on a path end or walk start whose item is not the user's item (the model could not decode that item back):
    /// the given item, its similarity to this one and a sentence saying so. Null when the point is the user's item or
    /// stands for none.
    /// </summary>
    public StandIn? StandsIn { get; init; }

    /// <summary>Whether the point lies outside the training distribution.</summary>
    public bool Unusual => OodScore > 1;
}
