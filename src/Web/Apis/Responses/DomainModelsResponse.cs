namespace LatentWorkbench.Web.Apis.Responses;

/// <summary>One domain's checkpoints.</summary>
/// <param name="Domain">Domain id.</param>
/// <param name="Models">Its checkpoints, the active one first.</param>
public sealed record DomainModelsResponse(string Domain, IReadOnlyList<ModelResponse> Models);
