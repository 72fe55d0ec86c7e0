using LatentWorkbench.Core.Training;

namespace LatentWorkbench.Core.Evaluation;

/// <summary>Figures of one model on held-out items and prior samples (see <see cref="ModelEvaluation"/>).</summary>
/// <param name="Domain">The model's domain id.</param>
/// <param name="Items">Held-out items the model could read and was measured on.</param>
/// <param name="Samples">Prior samples decoded.</param>
/// <param name="Valid">Share of the samples that are valid items (NaN without samples).</param>
/// <param name="Unique">Share of distinct items among the valid samples (NaN without valid samples).</param>
/// <param name="Novelty">Share of the distinct valid samples not in the training data (NaN without any).</param>
/// <param name="Metrics">Held-out engine figures: reconstruction, token accuracy, KL, active units, property MAE, tag accuracy.</param>
/// <param name="Consistent">
/// Reconstruction figures under encoder-consistent decoding (<c>recon_exact</c> and the domain's reconstruction
/// figures), or null when not asked for.
/// </param>
/// <param name="DomainFigures">The domain evaluator's figures on the samples and the greedy reconstructions, by JSON name.</param>
/// <param name="TokenAccuracyByKind">Token accuracy by kind of token (empty when the domain names no kinds).</param>
public sealed record ModelEvaluationResult(string Domain, int Items, int Samples, double Valid, double Unique, double Novelty,
    ValidationMetrics Metrics, IReadOnlyDictionary<string, double>? Consistent, IReadOnlyDictionary<string, double> DomainFigures,
    IReadOnlyDictionary<string, KindAccuracy> TokenAccuracyByKind)
{
    /// <summary>
    /// The figures as <c>latent evaluate --json</c> writes them and <c>evaluation.json</c> keeps them: snake_case keys in
    /// a fixed order, domain figures after the engine's (a domain figure of the same name replaces the engine's).
    /// </summary>
    public Dictionary<string, object?> ToJson()
    {
        var json = new Dictionary<string, object?>
        {
            ["domain"] = Domain, ["items"] = Items, ["samples"] = Samples,
            ["valid"] = Valid, ["unique"] = Unique, ["novelty"] = Novelty,
            ["recon_exact"] = Metrics.ExactReconstruction, ["token_accuracy_teacher_forced"] = Metrics.TokenAccuracy,
            ["token_accuracy_greedy"] = Metrics.GreedyTokenAccuracy,
            ["kl"] = Metrics.Kl, ["active_units"] = Metrics.ActiveUnits, ["active_units_fraction"] = Metrics.ActiveUnitsFraction,
            ["reconstruction_nats_per_token"] = Metrics.ReconstructionPerToken,
            ["property_mae"] = Metrics.PropertyMae.ToDictionary(kv => kv.Key.ToLowerInvariant(), kv => kv.Value),
            ["tag_accuracy"] = Metrics.TagAccuracy,
        };
        if (Consistent is not null) json["consistent"] = Consistent;
        foreach (var (key, value) in DomainFigures) json[key] = value;
        if (TokenAccuracyByKind.Count > 1)
            json["token_accuracy_by_kind"] = TokenAccuracyByKind.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, double>)new Dictionary<string, double>
            {
                ["teacher_forced"] = kv.Value.TeacherForced, ["greedy"] = kv.Value.Greedy, ["share"] = kv.Value.Share,
            });
        return json;
    }
}
