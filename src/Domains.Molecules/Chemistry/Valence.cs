// Valence rules as RDKit 2022.09 applies them: allowed valence lists shifted by the formal charge.
namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Allowed valences, implicit hydrogens and radicals.</summary>
internal static class Valence
{
    /// <summary>The charge offset RDKit adds to each allowed valence of an element.</summary>
    public static int ChargeOffset(int element, int charge)
    {
        int chr = charge;
        if (element > 0 && ElementTable.OuterElectrons[element] < 4) chr = -chr;
        if (element == 6 && chr > 0) chr = -chr;
        return chr;
    }

    /// <summary>Sum of Kekulé bond orders plus written hydrogens.</summary>
    public static int Explicit(Molecule mol, Atom a)
    {
        int v = Math.Max(a.BracketH, 0) + a.MergedH;
        foreach (int bi in a.Bonds)
        {
            var b = mol.Bonds[bi];
            v += b.Order == Bond.AromaticOrder ? b.KekuleOrder : b.Order;
        }
        return v;
    }

    /// <summary>Checks every atom's valence and sets its hydrogen and radical counts.</summary>
    public static void Assign(Molecule mol)
    {
        for (int i = 0; i < mol.Atoms.Count; i++)
        {
            var a = mol.Atoms[i];
            int ev = Explicit(mol, a);
            if (a.Element == 0)
            {
                a.Hydrogens = Math.Max(a.BracketH, 0);
                continue;
            }
            var list = ElementTable.Valences[a.Element];
            int chr = ChargeOffset(a.Element, a.Charge);
            bool any = list.Contains(-1);
            int chosen = -1;
            foreach (int v in list)
            {
                if (v >= 0 && v + chr >= ev) { chosen = v + chr; break; }
            }
            if (chosen < 0 && !any && a.Aromatic && WithinAromaticTolerance(mol, a, list, chr))
            {
                a.Hydrogens = Math.Max(a.BracketH, 0) + a.MergedH;
                continue;
            }
            if (chosen < 0 && !any)
            {
                throw new SmilesException(
                    $"explicit valence {ev} of atom {i} ({ElementTable.Symbols[a.Element]}) at position {a.Position} is greater than permitted",
                    a.Position);
            }
            if (a.BracketH >= 0)
            {
                a.Hydrogens = a.BracketH + a.MergedH;
                int v0 = list[0];
                a.Radicals = chosen >= 0 && v0 >= 0 && ElementTable.OuterElectrons[a.Element] >= 3 ? Math.Max(0, SmallestAtLeast(list, chr, ev) - ev) : 0;
            }
            else
            {
                a.Hydrogens = a.MergedH + (chosen < 0 ? 0 : chosen - ev);
            }
        }
    }

    /// <summary>
    /// RDKit's leniency for aromatic atoms: with aromatic bonds counted as 1.5, a valence at most 1.5 above an allowed
    /// valence is accepted (it then adds no hydrogens).
    /// </summary>
    private static bool WithinAromaticTolerance(Molecule mol, Atom a, System.Collections.Immutable.ImmutableArray<int> list, int chr)
    {
        double accum = Math.Max(a.BracketH, 0) + a.MergedH;
        foreach (int bi in a.Bonds)
        {
            var b = mol.Bonds[bi];
            accum += b.Order == Bond.AromaticOrder ? 1.5 : b.Order;
        }
        double pval = list[0] + chr;
        if (accum <= pval) return false;
        foreach (int v in list)
        {
            if (v < 0 || v + chr > accum) break;
            pval = v + chr;
        }
        return accum - pval <= 1.5;
    }

    private static int SmallestAtLeast(System.Collections.Immutable.ImmutableArray<int> list, int chr, int ev)
    {
        foreach (int v in list) if (v >= 0 && v + chr >= ev) return v + chr;
        return ev;
    }
}
