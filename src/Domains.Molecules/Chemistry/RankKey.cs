namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Sort key of one refinement round: current class, then neighbourhood hash.</summary>
internal readonly record struct RankKey(long Cls, ulong Hash, int Atom) : IComparable<RankKey>
{
    public int CompareTo(RankKey other)
    {
        int c = Cls.CompareTo(other.Cls);
        return c != 0 ? c : Hash.CompareTo(other.Hash);
    }
}
