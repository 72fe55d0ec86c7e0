using LatentWorkbench.Core.Latent.Decoding;

namespace LatentWorkbench.Core.Training;

/// <summary>Held-out metrics with the greedy reconstructions they were measured from.</summary>
/// <param name="Metrics">The figures.</param>
/// <param name="Reconstructions">Greedy decodes of the posterior means, in item order (possibly only the first items).</param>
public sealed record EvaluationReport(ValidationMetrics Metrics, IReadOnlyList<DecodedSequence> Reconstructions);
