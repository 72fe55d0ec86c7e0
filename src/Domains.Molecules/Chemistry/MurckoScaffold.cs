// Bemis-Murcko scaffold (Bemis & Murcko 1996) as RDKit's MurckoScaffold.GetScaffoldForMol builds it: ring systems and
// the linkers between them, plus atoms double-bonded to those; cut substituents become hydrogens.
namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Bemis-Murcko scaffolds.</summary>
public static class MurckoScaffold
{
    /// <summary>Canonical SMILES of the scaffold; empty when the molecule has no ring.</summary>
    public static string Of(Molecule molecule)
    {
        var scaffold = ScaffoldMolecule(molecule);
        return scaffold is null ? string.Empty : CanonicalSmiles.Write(scaffold);
    }

    /// <summary>The scaffold as a molecule, or null when the molecule has no ring.</summary>
    public static Molecule? ScaffoldMolecule(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var m = molecule;
        int n = m.Atoms.Count;
        var keep = new bool[n];
        var degree = new int[n];
        var queue = new Queue<int>();
        for (int i = 0; i < n; i++)
        {
            keep[i] = true;
            degree[i] = m.Atoms[i].Degree;
            if (!m.Atoms[i].InRing && degree[i] <= 1) queue.Enqueue(i);
        }
        while (queue.Count > 0)
        {
            int v = queue.Dequeue();
            if (!keep[v]) continue;
            keep[v] = false;
            foreach (int bi in m.Atoms[v].Bonds)
            {
                int o = m.Bonds[bi].Other(v);
                if (keep[o] && !m.Atoms[o].InRing && --degree[o] <= 1) queue.Enqueue(o);
            }
        }
        var core = (bool[])keep.Clone();
        foreach (var b in m.Bonds)
        {
            if (b.Order != 2) continue;
            if (core[b.A] && !core[b.B]) keep[b.B] = true;
            if (core[b.B] && !core[b.A]) keep[b.A] = true;
        }
        if (!Array.Exists(keep, k => k)) return null;
        return Extract(m, keep);
    }

    private static Molecule Extract(Molecule m, bool[] keep)
    {
        var sub = new Molecule();
        var map = new int[m.Atoms.Count];
        for (int i = 0; i < m.Atoms.Count; i++)
        {
            map[i] = -1;
            if (!keep[i]) continue;
            var a = m.Atoms[i];
            int lost = 0;
            foreach (int bi in a.Bonds) if (!keep[m.Bonds[bi].Other(i)]) lost += m.Bonds[bi].KekuleOrder;
            map[i] = sub.Atoms.Count;
            sub.Atoms.Add(new Atom
            {
                Element = a.Element, Isotope = a.Isotope, Charge = a.Charge, Aromatic = a.Aromatic,
                BracketH = a.BracketH, Hydrogens = a.Hydrogens + lost, Radicals = a.Radicals,
                Chirality = lost > 0 ? 0 : a.Chirality, ChiralHPosition = a.ChiralHPosition, AtomClass = a.AtomClass,
            });
        }
        var bondMap = new int[m.Bonds.Count];
        for (int bi = 0; bi < m.Bonds.Count; bi++)
        {
            var b = m.Bonds[bi];
            bondMap[bi] = -1;
            if (!keep[b.A] || !keep[b.B]) continue;
            bondMap[bi] = sub.AddBond(map[b.A], map[b.B], b.Order, b.Direction, b.Aromatic);
            sub.Bonds[bondMap[bi]].KekuleOrder = b.KekuleOrder;
        }
        // Keep each atom's neighbour order, which its chirality tag refers to.
        for (int i = 0; i < m.Atoms.Count; i++)
        {
            if (!keep[i]) continue;
            var list = sub.Atoms[map[i]].Bonds;
            list.Clear();
            foreach (int bi in m.Atoms[i].Bonds) if (bondMap[bi] >= 0) list.Add(bondMap[bi]);
        }
        RingFinder.Perceive(sub);
        MoleculeGraph.IndexRings(sub);
        return sub;
    }
}
