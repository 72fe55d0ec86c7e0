namespace LatentWorkbench.Web.Apis;

/// <summary>Body of <c>POST /api/models/{domain}/evaluate</c>.</summary>
/// <param name="Data">Data set name as <c>GET /api/models/{domain}/evaluate/datasets</c> lists it.</param>
/// <param name="Model">Checkpoint name as <c>GET /api/models/{domain}</c> lists it; the served one when absent.</param>
/// <param name="Samples">Prior samples (default 200).</param>
/// <param name="Limit">Held-out items read at most (default 1000).</param>
/// <param name="Consistent">Also measure encoder-consistent reconstruction.</param>
public sealed record EvaluateModelRequest(string? Data, string? Model = null, int? Samples = null, int? Limit = null, bool Consistent = false);
