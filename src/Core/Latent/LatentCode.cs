namespace LatentWorkbench.Core.Latent;

/// <summary>Posterior of one item: mean and log-variance of q(z|x).</summary>
public sealed record LatentCode(float[] Mean, float[] LogVariance);
