namespace LatentWorkbench.Core.Latent;

/// <summary>Posterior of one item: mean and log-variance of q(z|x).</summary>
public sealed record LatentCode(float[] Mean, float[] LogVariance)
{
    /// <summary>A copy with arrays of its own.</summary>
    public LatentCode DeepCopy() => new(Mean.ToArray(), LogVariance.ToArray());
}
