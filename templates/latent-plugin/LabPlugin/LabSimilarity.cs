using LatentWorkbench.Core.Domains;

namespace LabPlugin;

/// <summary>One minus the edit distance divided by the longer length.</summary>
public sealed class LabSimilarity : ISimilarity
{
    /// <inheritdoc/>
    public string Name => "1 - normalised edit distance";

    /// <inheritdoc/>
    public double Compute(string a, string b)
    {
        if (a.Length == 0 && b.Length == 0) return 1;
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return 1 - (double)previous[b.Length] / Math.Max(a.Length, b.Length);
    }
}
