namespace LatentWorkbench.Core.Training;

/// <summary>
/// Length-bucketed batches: items are shuffled, sorted by length within large pools, cut into batches, and the
/// batch order shuffled again, so padding is small and each epoch's order depends only on (seed, epoch).
/// </summary>
internal static class LengthBucketBatcher
{
    /// <summary>Batches of item indices for one epoch.</summary>
    public static List<int[]> Batches(IReadOnlyList<EncodedItem> items, int batchSize, int seed, int epoch)
    {
        var random = new Random(HashCode.Combine(seed, epoch));
        var order = Enumerable.Range(0, items.Count).ToArray();
        random.Shuffle(order);
        var poolSize = batchSize * 64;
        var batches = new List<int[]>();
        for (int start = 0; start < order.Length; start += poolSize)
        {
            var pool = order.AsSpan(start, Math.Min(poolSize, order.Length - start)).ToArray();
            Array.Sort(pool, (a, b) => items[a].Tokens.Length.CompareTo(items[b].Tokens.Length));
            for (int i = 0; i < pool.Length; i += batchSize)
                batches.Add(pool.AsSpan(i, Math.Min(batchSize, pool.Length - i)).ToArray());
        }
        var shuffled = batches.ToArray();
        random.Shuffle(shuffled);
        return [.. shuffled];
    }
}
