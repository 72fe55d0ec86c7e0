using System.Numerics.Tensors;

namespace LatentWorkbench.Core.Latent;

/// <summary>k-nearest-neighbour distance in latent space, the basis of the "unusual" score.</summary>
public static class OutOfDistribution
{
    /// <summary>Mean Euclidean distance from <paramref name="z"/> to its <paramref name="k"/> nearest reference rows.</summary>
    /// <param name="z">The point.</param>
    /// <param name="reference">Reference latents.</param>
    /// <param name="k">Neighbours.</param>
    /// <param name="skipSelf">Ignore one exact match (a reference point scored against its own set).</param>
    public static double MeanNeighbourDistance(float[] z, IReadOnlyList<float[]> reference, int k, bool skipSelf)
    {
        var best = new double[k + 1];
        Array.Fill(best, double.PositiveInfinity);
        foreach (var r in reference)
        {
            double d = TensorPrimitives.Distance<float>(z, r);
            if (d >= best[k]) continue;
            int j = k;
            while (j > 0 && best[j - 1] > d) { best[j] = best[j - 1]; j--; }
            best[j] = d;
        }
        var from = skipSelf ? 1 : 0;
        var count = Math.Min(k, reference.Count - from);
        if (count <= 0) return double.NaN;
        double sum = 0;
        for (int i = from; i < from + count; i++) sum += best[i];
        return sum / count;
    }

    /// <summary>Calibrates the threshold: the (1 - <paramref name="unusualShare"/>) quantile of the reference's own scores.</summary>
    public static double Calibrate(IReadOnlyList<float[]> reference, int k, double unusualShare = 0.01)
    {
        var scores = reference.Select(r => MeanNeighbourDistance(r, reference, k, skipSelf: true)).Order().ToArray();
        if (scores.Length == 0) return 1;
        var index = (int)Math.Clamp(Math.Ceiling((1 - unusualShare) * scores.Length) - 1, 0, scores.Length - 1);
        return Math.Max(scores[index], 1e-6);
    }
}
