namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Derived per-atom facts used by SMARTS matching and descriptors.</summary>
internal static class MoleculeGraph
{
    /// <summary>Hydrogen count including explicit hydrogen-atom neighbours.</summary>
    public static int TotalH(Molecule m, int ai)
    {
        var a = m.Atoms[ai];
        int h = a.Hydrogens;
        foreach (int bi in a.Bonds) if (m.Atoms[m.Bonds[bi].Other(ai)].Element == 1) h++;
        return h;
    }

    /// <summary>Sum of Kekulé bond orders plus hydrogens.</summary>
    public static int TotalValence(Molecule m, int ai)
    {
        var a = m.Atoms[ai];
        int v = a.Hydrogens;
        foreach (int bi in a.Bonds) v += m.Bonds[bi].KekuleOrder;
        return v;
    }

    public static int RingCount(Molecule m, int ai) => m.AtomRingCount[ai];

    public static int MinRingSize(Molecule m, int ai) => m.AtomMinRing[ai];

    /// <summary>Fills ring membership counts and smallest ring sizes after ring perception.</summary>
    public static void IndexRings(Molecule m)
    {
        int n = m.Atoms.Count;
        m.AtomRingCount = new int[n];
        m.AtomMinRing = new int[n];
        foreach (var ring in m.AtomRings)
        {
            foreach (int a in ring)
            {
                m.AtomRingCount[a]++;
                if (m.AtomMinRing[a] == 0 || ring.Length < m.AtomMinRing[a]) m.AtomMinRing[a] = ring.Length;
            }
        }
    }
}
