// Kekulization: a perfect matching of the aromatic atoms that need a double bond
// (greedy, then Edmonds' blossom augmentation for what greedy leaves unmatched).
namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Assigns alternating single and double bonds to aromatic bonds as written in SMILES.</summary>
internal static class Kekulizer
{
    public static void Kekulize(Molecule mol)
    {
        int n = mol.Atoms.Count;
        bool anyAromatic = false;
        foreach (var b in mol.Bonds)
        {
            if (b.Order != Bond.AromaticOrder) continue;
            b.KekuleOrder = 1;
            if (!b.InRing)
            {
                // An aromatic bond outside rings (unwritten between two rings' atoms, or an explicit ':') is single.
                b.Order = 1;
                continue;
            }
            // As RDKit: the ends of a ring ':' bond take part in kekulization even when written aliphatic.
            mol.Atoms[b.A].Aromatic = true;
            mol.Atoms[b.B].Aromatic = true;
            anyAromatic = true;
        }
        foreach (var a in mol.Atoms)
        {
            if (!a.Aromatic) continue;
            anyAromatic = true;
            if (!a.InRing) throw new SmilesException($"non-ring atom at position {a.Position} marked aromatic", a.Position);
        }
        if (!anyAromatic) return;

        var local = new int[n];
        Array.Fill(local, -1);
        var nodes = new List<int>();
        for (int i = 0; i < n; i++)
        {
            if (NeedsDouble(mol, mol.Atoms[i])) { local[i] = nodes.Count; nodes.Add(i); }
        }
        if (nodes.Count == 0) return;
        var adj = new List<int>[nodes.Count];
        for (int k = 0; k < nodes.Count; k++)
        {
            adj[k] = new List<int>(3);
            foreach (int bi in mol.Atoms[nodes[k]].Bonds)
            {
                var b = mol.Bonds[bi];
                int o = local[b.Other(nodes[k])];
                if (b.Order == Bond.AromaticOrder && o >= 0) adj[k].Add(o);
            }
        }
        var match = new BlossomMatcher(adj).Match();
        for (int k = 0; k < nodes.Count; k++)
        {
            if (match[k] < 0)
            {
                var a = mol.Atoms[nodes[k]];
                throw new SmilesException($"can't kekulize: aromatic atom {nodes[k]} at position {a.Position} has no partner for a double bond", a.Position);
            }
            if (match[k] > k) mol.Bonds[mol.FindBond(nodes[k], nodes[match[k]])].KekuleOrder = 2;
        }
    }

    /// <summary>True when an aromatic atom has to take one double bond in the Kekulé form.</summary>
    private static bool NeedsDouble(Molecule mol, Atom a)
    {
        if (!a.Aromatic) return false;
        int bonded = Math.Max(a.BracketH, 0) + a.MergedH;
        bool hasAromaticBond = false;
        foreach (int bi in a.Bonds)
        {
            var b = mol.Bonds[bi];
            if (b.Order == Bond.AromaticOrder) { bonded += 1; hasAromaticBond = true; }
            else bonded += b.Order;
        }
        if (!hasAromaticBond || a.Element == 0) return false;
        var list = ElementTable.Valences[a.Element];
        int chr = Valence.ChargeOffset(a.Element, a.Charge);
        foreach (int v in list)
        {
            if (v < 0) return false;
            if (v + chr >= bonded) return bonded + 1 <= v + chr;
        }
        return false;
    }
}
