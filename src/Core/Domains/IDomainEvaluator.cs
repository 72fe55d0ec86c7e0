using LatentWorkbench.Core.Training;

namespace LatentWorkbench.Core.Domains;

/// <summary>Metrics a domain adds to <c>latent evaluate</c>, computed from decoded prior samples and held-out items.</summary>
public interface IDomainEvaluator
{
    /// <summary>
    /// Metrics keyed by their JSON names. <paramref name="samples"/> are decoded prior samples in order (invalid ones
    /// included as null); <paramref name="heldOut"/> are the held-out items' canonical texts.
    /// </summary>
    IReadOnlyDictionary<string, double> Evaluate(IReadOnlyList<string?> samples, IReadOnlyList<string> heldOut);

    /// <summary>
    /// Metrics comparing held-out items with their greedy reconstructions (e.g. note F1), keyed by their JSON names.
    /// <paramref name="reconstructions"/>[i] is the decode of <paramref name="inputs"/>[i], or null when it is not a valid
    /// item; <paramref name="metrics"/> are the engine's figures on the same items (for renaming, e.g. tag accuracy).
    /// </summary>
    IReadOnlyDictionary<string, double> EvaluateReconstructions(IReadOnlyList<string> inputs, IReadOnlyList<string?> reconstructions, ValidationMetrics metrics) =>
        new Dictionary<string, double>();

    /// <summary>
    /// The kind of a vocabulary token (e.g. <c>pitch</c>, <c>duration</c>), so that <c>latent evaluate</c> can report
    /// token accuracy by kind; null leaves the token out. The end token is reported as <c>end</c> on its own.
    /// </summary>
    string? TokenKind(string token) => null;
}
