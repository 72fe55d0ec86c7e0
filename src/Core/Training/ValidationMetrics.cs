namespace LatentWorkbench.Core.Training;

/// <summary>Held-out figures measured after an epoch (and by <c>latent evaluate</c>).</summary>
/// <param name="Loss">Reconstruction + KL per item (nats).</param>
/// <param name="ReconstructionPerToken">Cross-entropy per target token (nats).</param>
/// <param name="Kl">KL(q(z|x) || N(0, I)) per item, nats.</param>
/// <param name="TokenAccuracy">Teacher-forced next-token accuracy.</param>
/// <param name="ExactReconstruction">Share of items whose greedy decode of the posterior mean equals the input.</param>
/// <param name="ActiveUnits">Latent dimensions whose posterior-mean variance over the data exceeds 0.01.</param>
/// <param name="ActiveUnitsFraction">Active units divided by the latent size.</param>
/// <param name="PropertyMae">Mean absolute error of each property head, in the property's units.</param>
/// <param name="TagAccuracy">Accuracy of the tag classifier, or null without tags.</param>
/// <param name="Items">Items measured.</param>
/// <param name="GreedyTokenAccuracy">
/// Per-step accuracy of the greedy decode of the posterior mean against the input, end token included (MusicVAE's
/// "sampling" accuracy); steps the decode misses or adds count as wrong. Null in checkpoints written before it existed.
/// </param>
public sealed record ValidationMetrics(double Loss, double ReconstructionPerToken, double Kl, double TokenAccuracy,
    double ExactReconstruction, int ActiveUnits, double ActiveUnitsFraction,
    IReadOnlyDictionary<string, double> PropertyMae, double? TagAccuracy, int Items, double? GreedyTokenAccuracy = null)
{
    /// <summary>Whether the latent space shows posterior collapse (KL near zero or few active units).</summary>
    public bool LooksCollapsed => Kl < 1.0 || ActiveUnitsFraction < 0.1;
}
