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

    /// <summary>
    /// RDKit's explicit valence of an aromatic atom from its bond-order sum <paramref name="accum"/> (aromatic bonds
    /// 1.5): above the default valence, it snaps down to the highest allowed valence within 1.5; then x.5 rounds up.
    /// </summary>
    public static int AromaticExplicit(System.Collections.Immutable.ImmutableArray<int> list, int chr, double accum)
    {
        if (accum > list[0] + chr)
        {
            int pval = list[0] + chr;
            foreach (int v in list)
            {
                if (v < 0 || v + chr > accum) break;
                pval = v + chr;
            }
            if (accum - pval <= 1.5) accum = pval;
        }
        return (int)Math.Round(accum + 0.1);
    }

    /// <summary>
    /// RDKit's hard limit: the valence corrected by the charge (without the offsets' special case for carbocations)
    /// must not exceed the element's largest allowed valence.
    /// </summary>
    public static bool WithinLargest(Atom a, System.Collections.Immutable.ImmutableArray<int> list, int ev)
    {
        int effective = ElementTable.OuterElectrons[a.Element] >= 4 ? ev - a.Charge : ev + a.Charge;
        return list[^1] < 0 || effective <= list[^1];
    }

    /// <summary>"Explicit valence for atom # 3 O, 3, is greater than permitted", with the atom's position.</summary>
    public static SmilesException TooHigh(int index, Atom a, int ev) => new(
        $"Explicit valence for atom # {index} {ElementTable.Symbols[a.Element]}, {ev}, is greater than permitted (at position {a.Position})",
        a.Position);

    /// <summary>
    /// Checks every atom's valence and sets its hydrogen and radical counts. Returns the aromatic atoms accepted only
    /// through RDKit's aromatic leniency (see <see cref="CheckLenient"/>).
    /// </summary>
    public static List<int> Assign(Molecule mol)
    {
        var lenient = new List<int>();
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
            int chosen = Smallest(list, chr, ev);
            if (chosen < 0 && a.Aromatic && a.BracketH == 1 && a.MergedH == 0 && a.Charge == 0 && a.Element is 7 or 15)
            {
                // As RDKit after kekulizing: the written hydrogen of a neutral aromatic N or P ("pyrrole" H) is dropped
                // and counted again as an implicit one, so [nH] with three ring bonds has none.
                a.BracketH = -1;
                a.Chirality = 0;
                ev--;
                chosen = Smallest(list, chr, ev);
            }
            if (chosen < 0 && !any && a.Aromatic && AromaticTolerance(mol, a, list, chr) is var snapped and >= 0)
            {
                a.Hydrogens = Math.Max(a.BracketH, 0) + a.MergedH;
                a.LenientValence = snapped;
                lenient.Add(i);
                continue;
            }
            if (chosen < 0 && !any && !WithinLargest(a, list, ev)) throw TooHigh(i, a, ev);
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
        return lenient;
    }

    /// <summary>
    /// After aromaticity perception: an atom accepted through the aromatic leniency that is not aromatic after all is
    /// held to its plain valence, as RDKit does when it sanitizes the molecule again (for example for QED).
    /// </summary>
    public static void CheckLenient(Molecule mol, List<int> lenient)
    {
        foreach (int i in lenient)
        {
            var a = mol.Atoms[i];
            if (a.Aromatic) continue;
            int ev = Explicit(mol, a);
            var list = ElementTable.Valences[a.Element];
            if (Smallest(list, ChargeOffset(a.Element, a.Charge), ev) < 0 && !WithinLargest(a, list, ev)) throw TooHigh(i, a, ev);
        }
    }

    /// <summary>
    /// RDKit's leniency for aromatic atoms: with aromatic bonds counted as 1.5, a valence at most 1.5 above an allowed
    /// valence is accepted (it then adds no hydrogens). Returns that allowed valence, or -1 when there is none.
    /// </summary>
    private static int AromaticTolerance(Molecule mol, Atom a, System.Collections.Immutable.ImmutableArray<int> list, int chr)
    {
        double accum = Math.Max(a.BracketH, 0) + a.MergedH;
        foreach (int bi in a.Bonds)
        {
            var b = mol.Bonds[bi];
            accum += b.Order == Bond.AromaticOrder ? 1.5 : b.Order;
        }
        int pval = list[0] + chr;
        if (accum <= pval) return -1;
        foreach (int v in list)
        {
            if (v < 0 || v + chr > accum) break;
            pval = v + chr;
        }
        return accum - pval <= 1.5 ? pval : -1;
    }

    /// <summary>The smallest allowed valence (offset by the charge) at least <paramref name="ev"/>, or -1.</summary>
    private static int Smallest(System.Collections.Immutable.ImmutableArray<int> list, int chr, int ev)
    {
        foreach (int v in list) if (v >= 0 && v + chr >= ev) return v + chr;
        return -1;
    }

    private static int SmallestAtLeast(System.Collections.Immutable.ImmutableArray<int> list, int chr, int ev)
    {
        foreach (int v in list) if (v >= 0 && v + chr >= ev) return v + chr;
        return ev;
    }
}
