namespace LatentWorkbench.Web.Apis.Responses;

/// <summary>One item's latent code: the posterior's mean and log-variance, one value per latent dimension.</summary>
/// <param name="Item">The item as sent.</param>
/// <param name="Mean">Posterior mean (latent size values).</param>
/// <param name="LogVariance">Posterior log-variance (latent size values).</param>
public sealed record EncodedItem(string Item, float[] Mean, float[] LogVariance);
