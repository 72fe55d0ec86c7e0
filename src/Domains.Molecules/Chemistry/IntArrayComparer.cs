namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Structural equality for int arrays (sorted bond lists of rings).</summary>
internal sealed class IntArrayComparer : IEqualityComparer<int[]>
{
    public static readonly IntArrayComparer Instance = new();

    public bool Equals(int[]? x, int[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    public int GetHashCode(int[] obj)
    {
        var h = new HashCode();
        foreach (int v in obj) h.Add(v);
        return h.ToHashCode();
    }
}
