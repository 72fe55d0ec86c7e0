namespace LatentWorkbench.Core.Domains;

/// <summary>
/// A ready-made <see cref="ISimilarity"/> for text items compared letter by letter: one minus the Levenshtein
/// distance divided by the longer length (1 for identical items, 0 when every position must change).
/// </summary>
public sealed class EditDistanceSimilarity : ISimilarity
{
    /// <inheritdoc/>
    public string Name => "1 - normalised edit distance";

    /// <inheritdoc/>
    public double Compute(string a, string b)
    {
        if (a.Length == 0 && b.Length == 0) return 1;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
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
