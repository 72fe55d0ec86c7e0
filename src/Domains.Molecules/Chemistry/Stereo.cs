namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Helpers for tetrahedral chirality expressed relative to a neighbour order.</summary>
internal static class Stereo
{
    /// <summary>Neighbour atoms in input order, with -1 standing for the implicit hydrogen or lone pair.</summary>
    public static List<int> InputOrder(Molecule m, int i)
    {
        var a = m.Atoms[i];
        var list = new List<int>(4);
        foreach (int bi in a.Bonds) list.Add(m.Bonds[bi].Other(i));
        if (a.Hydrogens > 0 || list.Count == 3) list.Insert(Math.Min(a.ChiralHPosition, list.Count), -1);
        return list;
    }

    /// <summary>Chirality tag (1 '@', 2 '@@') after reordering neighbours from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static int Permute(int tag, List<int> from, List<int> to)
    {
        var pos = new int[to.Count];
        for (int k = 0; k < to.Count; k++) pos[k] = from.IndexOf(to[k]);
        int inversions = 0;
        for (int x = 0; x < pos.Length; x++)
            for (int y = x + 1; y < pos.Length; y++)
                if (pos[x] > pos[y]) inversions++;
        return inversions % 2 == 0 ? tag : 3 - tag;
    }
}
