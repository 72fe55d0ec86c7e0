namespace LatentWorkbench.Core.Evaluation;

/// <summary>What <see cref="ModelEvaluation.Run"/> measures besides the held-out figures.</summary>
/// <param name="Samples">Prior samples decoded for validity, uniqueness, novelty and the domain's sample figures (0 = none).</param>
/// <param name="Consistent">Also measure reconstruction with encoder-consistent decoding (a beam search per item the greedy decode misses).</param>
/// <param name="Seed">Seed of the prior samples.</param>
/// <param name="DataName">How error messages name the held-out data (a path or a data set name).</param>
public sealed record ModelEvaluationOptions(int Samples = 1000, bool Consistent = false, int Seed = 1, string DataName = "the data set")
{
    /// <summary>Most prior samples one evaluation may ask for.</summary>
    public const int MaxSamples = 100_000;
}
