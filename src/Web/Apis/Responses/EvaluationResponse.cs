using System.Text.Json.Serialization;
using LatentWorkbench.Core.Evaluation;
using LatentWorkbench.Core.Training;

namespace LatentWorkbench.Web.Apis.Responses;

/// <summary>
/// A model's figures on a data set, with the keys of <c>latent evaluate --json</c>. The engine's figures are typed; the
/// domain's own figures (e.g. <c>snn</c>, <c>note_f1</c>) follow under their own names.
/// </summary>
/// <param name="Domain">The model's domain id.</param>
/// <param name="Items">Held-out items measured.</param>
/// <param name="Samples">Prior samples decoded.</param>
/// <param name="Valid">Share of valid samples (null without samples).</param>
/// <param name="Unique">Share of distinct items among the valid samples.</param>
/// <param name="Novelty">Share of distinct valid samples absent from the training data.</param>
/// <param name="ReconExact">Share of held-out items whose greedy decode is the item.</param>
/// <param name="TokenAccuracyTeacherForced">Teacher-forced token accuracy.</param>
/// <param name="TokenAccuracyGreedy">Greedy token accuracy (null for old checkpoints).</param>
/// <param name="Kl">Mean KL divergence per item, in nats.</param>
/// <param name="ActiveUnits">Latent dimensions whose mean varies across items (covariance over 0.01).</param>
/// <param name="ActiveUnitsFraction">Active units over the latent size.</param>
/// <param name="ReconstructionNatsPerToken">Reconstruction loss per token, in nats.</param>
/// <param name="PropertyMae">Mean absolute error of each property head, in the property's units.</param>
/// <param name="TagAccuracy">Accuracy of the tag head (null without tags).</param>
/// <param name="Consistent">Reconstruction figures under encoder-consistent decoding (absent unless asked for).</param>
/// <param name="TokenAccuracyByKind">Token accuracy by kind of token (absent when the domain names no kinds).</param>
public sealed record EvaluationResponse(string Domain, int Items, int Samples, double Valid, double Unique, double Novelty,
    double ReconExact, double TokenAccuracyTeacherForced, double? TokenAccuracyGreedy, double Kl, int ActiveUnits,
    double ActiveUnitsFraction, double ReconstructionNatsPerToken, IReadOnlyDictionary<string, double> PropertyMae, double? TagAccuracy,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, double>? Consistent,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, KindAccuracy>? TokenAccuracyByKind)
{
    /// <summary>The domain's own figures, by their JSON names.</summary>
    [JsonExtensionData]
    public IDictionary<string, object> DomainFigures { get; init; } = new Dictionary<string, object>();

    /// <summary>
    /// The response for <paramref name="r"/>. The values come from <see cref="ModelEvaluationResult.ToJson"/>, so a domain
    /// figure that shares an engine figure's name replaces it here as it does in the command line's output.
    /// </summary>
    public static EvaluationResponse Of(ModelEvaluationResult r)
    {
        var json = r.ToJson();
        double Number(string key) => json[key] is double d ? d : double.NaN;
        double? Optional(string key) => json.GetValueOrDefault(key) as double?;
        var known = new HashSet<string>
        {
            "domain", "items", "samples", "valid", "unique", "novelty", "recon_exact", "token_accuracy_teacher_forced", "token_accuracy_greedy",
            "kl", "active_units", "active_units_fraction", "reconstruction_nats_per_token", "property_mae", "tag_accuracy", "consistent",
            "token_accuracy_by_kind",
        };
        return new EvaluationResponse(r.Domain, r.Items, r.Samples, r.Valid, r.Unique, r.Novelty, Number("recon_exact"),
            Number("token_accuracy_teacher_forced"), Optional("token_accuracy_greedy"), Number("kl"), r.Metrics.ActiveUnits,
            Number("active_units_fraction"), Number("reconstruction_nats_per_token"),
            (IReadOnlyDictionary<string, double>)json["property_mae"]!, Optional("tag_accuracy"), r.Consistent,
            r.TokenAccuracyByKind.Count > 1 ? r.TokenAccuracyByKind : null)
        {
            DomainFigures = json.Where(kv => !known.Contains(kv.Key) && kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!),
        };
    }
}
