using System.Numerics.Tensors;

namespace LatentWorkbench.Web.Services;

/// <summary>
/// Principal component analysis for the latent map: the top two directions of the items' covariance by power
/// iteration with deflation (latents are small, e.g. 64 dimensions), and projections onto them.
/// </summary>
public sealed class Pca
{
    private const int Iterations = 100;

    private readonly double[] _mean;
    private readonly double[][] _axes;

    private Pca(double[] mean, double[][] axes) => (_mean, _axes) = (mean, axes);

    /// <summary>Fits the mean and the first two principal axes of <paramref name="rows"/> (at least one row).</summary>
    public static Pca Fit(IReadOnlyList<float[]> rows)
    {
        int d = rows[0].Length;
        var mean = new double[d];
        foreach (var row in rows) for (int j = 0; j < d; j++) mean[j] += row[j] / (double)rows.Count;
        // The covariance, row by row as spans of one array (D * D), each row's sum a vector multiply-add over the items.
        var covariance = new double[d * d];
        var centred = new double[d];
        foreach (var row in rows)
        {
            for (int j = 0; j < d; j++) centred[j] = row[j] - mean[j];
            for (int i = 0; i < d; i++) AddScaled(covariance.AsSpan(i * d, d), centred, centred[i]);
        }
        var axes = new double[2][];
        for (int k = 0; k < 2; k++)
        {
            var v = Enumerable.Range(0, d).Select(i => 1.0 / Math.Sqrt(d) + i * 1e-3).ToArray();
            double eigenvalue = 0;
            for (int step = 0; step < Iterations; step++)
            {
                var next = new double[d];
                for (int i = 0; i < d; i++) next[i] = TensorPrimitives.Dot<double>(covariance.AsSpan(i * d, d), v);
                eigenvalue = Math.Sqrt(next.Sum(x => x * x));
                if (eigenvalue < 1e-12) break;
                v = next.Select(x => x / eigenvalue).ToArray();
            }
            axes[k] = v;
            for (int i = 0; i < d; i++) AddScaled(covariance.AsSpan(i * d, d), v, -eigenvalue * v[i]);
        }
        return new Pca(mean, axes);
    }

    /// <summary><paramref name="target"/> += <paramref name="scale"/> * <paramref name="x"/>, vectorised.</summary>
    private static void AddScaled(Span<double> target, ReadOnlySpan<double> x, double scale) =>
        TensorPrimitives.MultiplyAdd(x, scale, target, target);

    /// <summary>The (x, y) coordinates of <paramref name="z"/> on the two axes.</summary>
    public (double X, double Y) Project(float[] z)
    {
        double x = 0, y = 0;
        for (int j = 0; j < _mean.Length; j++)
        {
            x += (z[j] - _mean[j]) * _axes[0][j];
            y += (z[j] - _mean[j]) * _axes[1][j];
        }
        return (x, y);
    }
}
