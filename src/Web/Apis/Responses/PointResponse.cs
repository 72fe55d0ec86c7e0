using System.Text.Json.Serialization;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Web.Apis.Responses;

/// <summary>
/// A decoded point with the same fields as the <c>latent</c> command line. Two kinds of field are named by the domain
/// and the operation: the item text under the domain's item field (<c>item_field</c> of <c>GET /api/domains</c>, e.g.
/// <c>smiles</c>), and one <c>similarity_to_{reference}</c> per reference item (e.g. <c>similarity_to_from</c>).
/// </summary>
/// <param name="T">Position along a path (0..1), or the step index for other operations.</param>
/// <param name="Valid">Whether the domain's validator accepts the item.</param>
/// <param name="Novel">Whether the item is absent from the training data (null when unknown).</param>
/// <param name="Properties">Property values by key (empty when invalid).</param>
/// <param name="Attributes">Values of the domain's attributes (absent when the domain has none or the point is invalid).</param>
/// <param name="DistanceFromStart">Normalized token edit distance to the start item (absent when there is none).</param>
/// <param name="OodScore">Distance to the training latents over the calibrated threshold; over 1 is unusual (null when uncalibrated).</param>
/// <param name="Unusual">Whether the point lies outside the training distribution.</param>
/// <param name="Error">Why the item is invalid (absent when valid).</param>
/// <param name="StandsInFor">The user's item this path end or walk start stands in for, when the model could not decode it back (absent otherwise).</param>
public sealed record PointResponse(
    double T,
    bool Valid,
    bool? Novel,
    IReadOnlyDictionary<string, double> Properties,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, double>? Attributes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? DistanceFromStart,
    double OodScore,
    bool Unusual,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StandInResponse? StandsInFor = null)
{
    /// <summary>The item text under the domain's item field, and <c>similarity_to_{reference}</c> numbers.</summary>
    [JsonExtensionData]
    public IDictionary<string, object> Named { get; init; } = new Dictionary<string, object>();

    /// <summary>The response for <paramref name="p"/>, decoded in <paramref name="domain"/>.</summary>
    public static PointResponse Of(IDomainModule domain, LatentPoint p)
    {
        var named = new Dictionary<string, object> { [domain.ItemField] = p.Text };
        foreach (var (name, value) in PointJson.Similarities(p)) named[name] = value;
        return new PointResponse(p.T, p.Valid, p.Novel, p.Properties, PointJson.Attributes(domain, p), p.DistanceFromStart,
            p.OodScore, p.Unusual, p.Error, StandInResponse.Of(p.StandsIn)) { Named = named };
    }

    /// <summary>Responses for <paramref name="points"/>, in order.</summary>
    public static PointResponse[] Of(IDomainModule domain, IEnumerable<LatentPoint> points) => points.Select(p => Of(domain, p)).ToArray();
}
