namespace LatentWorkbench.Core.Workbench;

/// <summary>Edit distance between token sequences.</summary>
public static class TokenDistance
{
    /// <summary>Levenshtein distance (insertions, deletions, substitutions of whole tokens).</summary>
    public static int Levenshtein<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var comparer = EqualityComparer<T>.Default;
        var previous = new int[b.Count + 1];
        var current = new int[b.Count + 1];
        for (int j = 0; j <= b.Count; j++) previous[j] = j;
        for (int i = 1; i <= a.Count; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Count; j++)
            {
                int substitution = previous[j - 1] + (comparer.Equals(a[i - 1], b[j - 1]) ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Count];
    }

    /// <summary>Levenshtein distance divided by the longer length: 0 for equal sequences, 1 for nothing shared.</summary>
    public static double Normalized<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int longer = Math.Max(a.Count, b.Count);
        return longer == 0 ? 0 : (double)Levenshtein(a, b) / longer;
    }
}
