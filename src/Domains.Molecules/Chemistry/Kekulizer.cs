// Kekulization: a perfect matching of the aromatic atoms that need a double bond
// (greedy, then Edmonds' blossom augmentation for what greedy leaves unmatched).
// Which atoms need one follows RDKit's markDbondCands, hydrogens counted as RDKit counts them before kekulization.
namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Assigns alternating single and double bonds to aromatic bonds as written in SMILES.</summary>
internal static class Kekulizer
{
    public static void Kekulize(Molecule mol)
    {
        int n = mol.Atoms.Count;
        bool anyAromatic = false;
        // Per atom, as written: aromatic bonds (ring or not) and the sum of the other bond orders.
        var written = new int[n];
        var plain = new int[n];
        foreach (var b in mol.Bonds)
        {
            if (b.Order != Bond.AromaticOrder)
            {
                plain[b.A] += b.Order;
                plain[b.B] += b.Order;
                continue;
            }
            written[b.A]++;
            written[b.B]++;
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
        for (int i = 0; i < n; i++)
        {
            var a = mol.Atoms[i];
            if (!a.Aromatic) continue;
            anyAromatic = true;
            if (!a.InRing) throw new SmilesException($"non-ring atom {i} marked aromatic (at position {a.Position})", a.Position);
        }
        if (!anyAromatic) return;

        var local = new int[n];
        Array.Fill(local, -1);
        var nodes = new List<int>();
        for (int i = 0; i < n; i++)
        {
            if (NeedsDouble(mol, i, written[i], plain[i])) { local[i] = nodes.Count; nodes.Add(i); }
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
        var unmatched = Enumerable.Range(0, nodes.Count).Where(k => match[k] < 0).Select(k => nodes[k]).ToList();
        if (unmatched.Count > 0)
        {
            var first = mol.Atoms[unmatched[0]];
            throw new SmilesException(
                $"Can't kekulize mol. Unkekulized atoms: {string.Join(' ', unmatched)} (atom {unmatched[0]} at position {first.Position} has no partner for a double bond)",
                first.Position);
        }
        for (int k = 0; k < nodes.Count; k++)
            if (match[k] > k) mol.Bonds[mol.FindBond(nodes[k], nodes[match[k]])].KekuleOrder = 2;
    }

    /// <summary>
    /// True when an aromatic atom has to take one double bond in the Kekulé form (RDKit's rule): its valence, with
    /// aromatic bonds counted once and hydrogens as RDKit assigns them to aromatic atoms, is one short of the allowed
    /// valence. <paramref name="aromaticBonds"/> counts the aromatic bonds written on it (ring or not),
    /// <paramref name="plainOrders"/> sums the orders of its other bonds. Throws, as RDKit does before kekulizing,
    /// when that valence exceeds the element's largest allowed valence.
    /// </summary>
    private static bool NeedsDouble(Molecule mol, int index, int aromaticBonds, int plainOrders)
    {
        var a = mol.Atoms[index];
        if (!a.Aromatic || a.Element == 0) return false;
        var list = ElementTable.Valences[a.Element];
        if (list[0] < 0) return false;
        int chr = Valence.ChargeOffset(a.Element, a.Charge);
        int dv = list[0] + chr;
        int written = Math.Max(a.BracketH, 0) + a.MergedH;
        int sbo = written + aromaticBonds + plainOrders;
        int ev = Valence.AromaticExplicit(list, chr, written + plainOrders + 1.5 * aromaticBonds);
        if (!Valence.WithinLargest(a, list, ev)) throw Valence.TooHigh(index, a, ev);
        int implicitH = a.BracketH < 0 && ev <= dv ? dv - ev : 0;
        sbo += implicitH;
        int total = ev + implicitH;
        for (int k = 1; total > dv && k < list.Length && list[k] > 0; k++) dv = list[k] + chr;
        if (a.Degree + a.MergedH + implicitH >= dv) return false;
        return dv == sbo + 1 || (a.BracketH >= 0 && dv == sbo + 2);
    }
}
