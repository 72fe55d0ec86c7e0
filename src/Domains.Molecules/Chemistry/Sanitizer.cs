// Sanitization in RDKit's order: fold explicit hydrogens, clean up charge-separable groups,
// perceive rings, kekulize, check valences and count hydrogens, perceive aromaticity.
namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Turns a parsed graph into a checked molecule, or throws <see cref="SmilesException"/>.</summary>
internal static class Sanitizer
{
    public static void Sanitize(Molecule mol)
    {
        FoldHydrogens(mol);
        CleanUp(mol);
        RingFinder.Perceive(mol);
        Kekulizer.Kekulize(mol);
        var lenient = Valence.Assign(mol);
        Aromaticity.Perceive(mol);
        Valence.CheckLenient(mol, lenient);
        MoleculeGraph.IndexRings(mol);
    }

    /// <summary>Explicit [H] atoms with one single bond to a heavy atom become hydrogen counts, as RDKit's RemoveHs does.</summary>
    private static void FoldHydrogens(Molecule mol)
    {
        var remove = new bool[mol.Atoms.Count];
        bool any = false;
        for (int i = 0; i < mol.Atoms.Count; i++)
        {
            var h = mol.Atoms[i];
            if (h.Element != 1 || h.Isotope != 0 || h.Charge != 0 || h.BracketH > 0 || h.Degree != 1) continue;
            var bond = mol.Bonds[h.Bonds[0]];
            int heavy = bond.Other(i);
            var nb = mol.Atoms[heavy];
            if (bond.Order != 1 || nb.Element == 1) continue;
            if (nb.Element == 0) continue;
            remove[i] = true;
            any = true;
            int slot = nb.Bonds.IndexOf(h.Bonds[0]);
            nb.Bonds.RemoveAt(slot);
            if (nb.Chirality != 0 && nb.BracketH <= 0) nb.ChiralHPosition = slot;
            if (nb.BracketH >= 0) nb.BracketH++;
            else nb.MergedH++;
        }
        if (any) Compact(mol, remove);
    }

    private static void Compact(Molecule mol, bool[] remove)
    {
        var newIndex = new int[mol.Atoms.Count];
        var atoms = new List<Atom>();
        for (int i = 0; i < mol.Atoms.Count; i++)
        {
            newIndex[i] = remove[i] ? -1 : atoms.Count;
            if (!remove[i]) atoms.Add(mol.Atoms[i]);
        }
        var bondIndex = new int[mol.Bonds.Count];
        var bonds = new List<Bond>();
        for (int i = 0; i < mol.Bonds.Count; i++)
        {
            var b = mol.Bonds[i];
            if (remove[b.A] || remove[b.B]) { bondIndex[i] = -1; continue; }
            bondIndex[i] = bonds.Count;
            b.A = newIndex[b.A];
            b.B = newIndex[b.B];
            bonds.Add(b);
        }
        foreach (var a in atoms)
            for (int k = 0; k < a.Bonds.Count; k++) a.Bonds[k] = bondIndex[a.Bonds[k]];
        mol.Atoms.Clear();
        mol.Atoms.AddRange(atoms);
        mol.Bonds.Clear();
        mol.Bonds.AddRange(bonds);
    }

    /// <summary>RDKit's cleanUp: five-valent neutral N to charge-separated form, perchlorate to [Cl+3].</summary>
    private static void CleanUp(Molecule mol)
    {
        for (int i = 0; i < mol.Atoms.Count; i++)
        {
            var a = mol.Atoms[i];
            if (a.Charge != 0) continue;
            if (a.Element == 7 && RoughValence(mol, a) == 5)
            {
                if (!ChargeSeparate(mol, i, 8, 2, requireTerminal: false)) ChargeSeparate(mol, i, 7, 3, requireTerminal: true);
            }
            else if (a.Element == 17 && !a.Aromatic && RoughValence(mol, a) == 7 && a.Bonds.TrueForAll(bi => mol.Bonds[bi].Other(i) is var o && mol.Atoms[o].Element == 8))
            {
                while (ChargeSeparate(mol, i, 8, 2, requireTerminal: false))
                {
                }
            }
        }
    }

    private static bool ChargeSeparate(Molecule mol, int i, int partnerElement, int order, bool requireTerminal)
    {
        foreach (int bi in mol.Atoms[i].Bonds)
        {
            var b = mol.Bonds[bi];
            var o = mol.Atoms[b.Other(i)];
            if (b.Order != order || o.Element != partnerElement || o.Charge != 0 || (requireTerminal && o.Degree != 1)) continue;
            b.Order--;
            o.Charge = -1;
            mol.Atoms[i].Charge++;
            return true;
        }
        return false;
    }

    /// <summary>RDKit's explicit valence before kekulization: aromatic bonds count 1.5 (aromatic N in n(=O) has 5).</summary>
    private static int RoughValence(Molecule mol, Atom a)
    {
        double v = Math.Max(a.BracketH, 0) + a.MergedH;
        foreach (int bi in a.Bonds) v += mol.Bonds[bi].Order == Bond.AromaticOrder ? 1.5 : mol.Bonds[bi].Order;
        if (!a.Aromatic) return (int)Math.Round(v + 0.1);
        return Valence.AromaticExplicit(ElementTable.Valences[a.Element], Valence.ChargeOffset(a.Element, a.Charge), v);
    }
}
