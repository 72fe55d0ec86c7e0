namespace LatentWorkbench.Core.Workbench;

/// <summary>
/// Several requests' rows stacked into one batch, one block per request in order: where each block starts, and the
/// batch's results cut back into blocks (<see cref="PathInterpolation.RunMany"/>, <see cref="Navigation.RunMany"/>).
/// </summary>
internal static class RowBlocks
{
    /// <summary>The first row of each key's block, the blocks holding <paramref name="countOf"/> rows each.</summary>
    public static int[] Starts<TKey>(IReadOnlyList<TKey> keys, Func<TKey, int> countOf)
    {
        var starts = new int[keys.Count];
        for (int k = 1; k < keys.Count; k++) starts[k] = starts[k - 1] + countOf(keys[k - 1]);
        return starts;
    }

    /// <summary>The rows of one batched result, back to their keys in order.</summary>
    public static Dictionary<TKey, T[]> Split<TKey, T>(IReadOnlyList<TKey> keys, T[] rows, Func<TKey, int> countOf) where TKey : notnull
    {
        var parts = new Dictionary<TKey, T[]>();
        int offset = 0;
        foreach (var key in keys)
        {
            parts[key] = rows[offset..(offset + countOf(key))];
            offset += countOf(key);
        }
        return parts;
    }
}
