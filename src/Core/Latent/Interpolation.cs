namespace LatentWorkbench.Core.Latent;

/// <summary>How to move between two latent points.</summary>
public enum InterpolationMethod
{
    /// <summary>Spherical (White 2016): keeps the norm typical of the prior along the path.</summary>
    Slerp,
    /// <summary>Straight line.</summary>
    Lerp,
}

/// <summary>Interpolation between latent vectors.</summary>
public static class Interpolation
{
    /// <summary>The names <see cref="Named"/> accepts, as user interfaces offer them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["slerp", "lerp"];

    /// <summary>
    /// The method picked by name: <c>slerp</c> (also when empty) or <c>lerp</c>, in any case. Throws
    /// <see cref="ArgumentException"/> listing the valid names otherwise.
    /// </summary>
    public static InterpolationMethod Named(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "slerp" => InterpolationMethod.Slerp,
        "lerp" => InterpolationMethod.Lerp,
        _ => throw new ArgumentException($"method must be one of {string.Join(", ", Names)} (got '{name}')"),
    };

    /// <summary><paramref name="steps"/> points from <paramref name="a"/> to <paramref name="b"/>, both ends included.</summary>
    public static float[][] Path(float[] a, float[] b, int steps, InterpolationMethod method)
    {
        if (steps < 2) throw new ArgumentOutOfRangeException(nameof(steps), "An interpolation needs at least 2 steps.");
        if (a.Length != b.Length) throw new ArgumentException("Both points need the same latent size.");
        return Enumerable.Range(0, steps).Select(i => At(a, b, (double)i / (steps - 1), method)).ToArray();
    }

    /// <summary>The point at fraction <paramref name="t"/> (0 = a, 1 = b).</summary>
    public static float[] At(float[] a, float[] b, double t, InterpolationMethod method)
    {
        if (t <= 0) return (float[])a.Clone();
        if (t >= 1) return (float[])b.Clone();
        double wa = 1 - t, wb = t;
        if (method == InterpolationMethod.Slerp)
        {
            double dot = 0, na = 0, nb = 0;
            for (int i = 0; i < a.Length; i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
            var cos = Math.Clamp(dot / Math.Sqrt(Math.Max(na * nb, 1e-24)), -1, 1);
            var omega = Math.Acos(cos);
            if (omega > 1e-4)
            {
                var sin = Math.Sin(omega);
                wa = Math.Sin((1 - t) * omega) / sin;
                wb = Math.Sin(t * omega) / sin;
            }
        }
        var result = new float[a.Length];
        for (int i = 0; i < a.Length; i++) result[i] = (float)(wa * a[i] + wb * b[i]);
        return result;
    }
}
