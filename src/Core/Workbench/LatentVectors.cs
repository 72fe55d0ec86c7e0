namespace LatentWorkbench.Core.Workbench;

/// <summary>Small vector arithmetic for the latent operations (vectors are float arrays of the latent size).</summary>
internal static class LatentVectors
{
    /// <summary>A vector of independent normal draws with standard deviation <paramref name="scale"/> (Box-Muller).</summary>
    public static float[] Gaussian(Random random, int size, double scale)
    {
        var v = new float[size];
        for (int i = 0; i < size; i++)
            v[i] = (float)(scale * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        return v;
    }

    public static float[] Add(float[] a, float[] b) => a.Select((v, i) => v + b[i]).ToArray();

    public static float[] Scale(float[] a, double s) => a.Select(v => (float)(v * s)).ToArray();
}
