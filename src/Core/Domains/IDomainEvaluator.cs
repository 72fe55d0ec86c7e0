namespace LatentWorkbench.Core.Domains;

/// <summary>Metrics a domain adds to <c>latent evaluate</c>, computed from decoded prior samples and held-out items.</summary>
public interface IDomainEvaluator
{
    /// <summary>
    /// Metrics keyed by their JSON names. <paramref name="samples"/> are decoded prior samples in order (invalid ones
    /// included as null); <paramref name="heldOut"/> are the held-out items' canonical texts.
    /// </summary>
    IReadOnlyDictionary<string, double> Evaluate(IReadOnlyList<string?> samples, IReadOnlyList<string> heldOut);
}
