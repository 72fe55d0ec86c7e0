namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>A folded bit-vector fingerprint.</summary>
/// <param name="Length">Number of bits.</param>
/// <param name="Words">The bits, 64 per word, bit i in word i / 64 at position i % 64.</param>
public sealed record Fingerprint(int Length, ulong[] Words)
{
    /// <summary>Indices of the set bits, ascending.</summary>
    public IReadOnlyList<int> OnBits()
    {
        var list = new List<int>();
        for (int w = 0; w < Words.Length; w++)
            for (ulong x = Words[w]; x != 0; x &= x - 1)
                list.Add(w * 64 + System.Numerics.BitOperations.TrailingZeroCount(x));
        return list;
    }

    /// <summary>Number of set bits.</summary>
    public int Count => Words.Sum(w => System.Numerics.BitOperations.PopCount(w));

    /// <summary>Tanimoto (Jaccard) similarity of two fingerprints of equal length; 0 when both are empty.</summary>
    public static double Tanimoto(Fingerprint a, Fingerprint b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length != b.Length) throw new ArgumentException("fingerprints differ in length", nameof(b));
        int both = 0, either = 0;
        for (int w = 0; w < a.Words.Length; w++)
        {
            both += System.Numerics.BitOperations.PopCount(a.Words[w] & b.Words[w]);
            either += System.Numerics.BitOperations.PopCount(a.Words[w] | b.Words[w]);
        }
        return either == 0 ? 0 : (double)both / either;
    }
}
