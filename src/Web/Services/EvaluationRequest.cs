namespace LatentWorkbench.Web.Services;

/// <summary>What to evaluate: a checkpoint of a domain on one of the data sets the server offers.</summary>
/// <param name="Domain">Domain id.</param>
/// <param name="Data">
/// A data set as <see cref="ModelEvaluations.DataSets"/> lists it (a name under a data folder, or
/// <see cref="ModelEvaluations.BundledSamples"/> for the domain's own sample items).
/// </param>
/// <param name="Model">Checkpoint name as the Models page lists it, or null for the one served now.</param>
/// <param name="Samples">Prior samples for validity, uniqueness and novelty (0 to <see cref="ModelEvaluations.MaxSamples"/>).</param>
/// <param name="Limit">Held-out items read at most (1 to <see cref="ModelEvaluations.MaxItems"/>).</param>
/// <param name="Consistent">Also measure reconstruction with encoder-consistent decoding.</param>
public sealed record EvaluationRequest(string Domain, string Data, string? Model = null, int Samples = 200, int Limit = 1000, bool Consistent = false);
