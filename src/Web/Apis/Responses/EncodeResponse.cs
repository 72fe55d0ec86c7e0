namespace LatentWorkbench.Web.Apis.Responses;

/// <summary>The latent codes of the items sent, in order.</summary>
/// <param name="Items">One code per item.</param>
public sealed record EncodeResponse(IReadOnlyList<EncodedItem> Items);
