using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Web.Apis.Responses;

/// <summary>A registered domain.</summary>
/// <param name="Id">Domain id, as used in the API's paths.</param>
/// <param name="Name">Display name.</param>
/// <param name="Description">One sentence about the items.</param>
/// <param name="ItemField">The field that holds an item's text in decoded points (e.g. <c>smiles</c>).</param>
/// <param name="HasModel">Whether a model serves the domain.</param>
/// <param name="Properties">The properties computed for each valid item.</param>
/// <param name="Attributes">The properties that latent attribute moves can steer.</param>
public sealed record DomainResponse(string Id, string Name, string Description, string ItemField, bool HasModel,
    IReadOnlyList<PropertyDefinition> Properties, IReadOnlyList<AttributeDefinition> Attributes);
