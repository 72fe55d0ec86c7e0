// Aromaticity perception following RDKit's default model: Hückel 4n+2 electron count over SSSR rings,
// then over fused pairs and triples of rings, with RDKit's per-atom electron donor types.
namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Marks aromatic atoms and bonds of a Kekulé molecule with perceived rings.</summary>
internal static class Aromaticity
{
    private const int None = -1;
    private const int Vacant = 0;

    public static void Perceive(Molecule mol)
    {
        foreach (var a in mol.Atoms) a.Aromatic = false;
        foreach (var b in mol.Bonds)
        {
            if (b.Order == Bond.AromaticOrder) b.Order = b.KekuleOrder;
            b.KekuleOrder = b.Order;
        }
        int nr = mol.AtomRings.Count;
        if (nr == 0) return;
        var electrons = new int[mol.Atoms.Count];
        for (int i = 0; i < electrons.Length; i++) electrons[i] = mol.Atoms[i].InRing ? Donor(mol, i) : None;
        var aromaticRing = new bool[nr];
        var candidateRing = new bool[nr];
        for (int r = 0; r < nr; r++)
        {
            candidateRing[r] = true;
            int sum = 0;
            foreach (int a in mol.AtomRings[r])
            {
                if (electrons[a] == None) { candidateRing[r] = false; break; }
                sum += electrons[a];
            }
            aromaticRing[r] = candidateRing[r] && Huckel(sum);
        }
        for (int r = 0; r < nr; r++) if (aromaticRing[r]) Mark(mol, r);
        FusedRings(mol, electrons, candidateRing, aromaticRing);
        foreach (var b in mol.Bonds) if (b.Order == Bond.AromaticOrder) { mol.Atoms[b.A].Aromatic = true; mol.Atoms[b.B].Aromatic = true; }
    }

    private static bool Huckel(int sum) => sum >= 2 && (sum - 2) % 4 == 0;

    private static void Mark(Molecule mol, int r)
    {
        foreach (int bi in mol.BondRings[r]) mol.Bonds[bi].Order = Bond.AromaticOrder;
    }

    private static void FusedRings(Molecule mol, int[] electrons, bool[] candidate, bool[] aromatic)
    {
        int nr = candidate.Length;
        // Neighbouring candidate rings (sharing a bond); combinations of 2 and 3 connected rings.
        var shares = new List<int>[nr];
        for (int r = 0; r < nr; r++) shares[r] = new List<int>();
        for (int r = 0; r < nr; r++)
        {
            if (!candidate[r]) continue;
            var set = new HashSet<int>(mol.BondRings[r]);
            for (int s = r + 1; s < nr; s++)
            {
                if (!candidate[s]) continue;
                foreach (int bi in mol.BondRings[s]) if (set.Contains(bi)) { shares[r].Add(s); shares[s].Add(r); break; }
            }
        }
        var atoms = new HashSet<int>();
        for (int r = 0; r < nr; r++)
        {
            foreach (int s in shares[r])
            {
                if (s < r) continue;
                if (!(aromatic[r] && aromatic[s])) TryUnion(mol, electrons, atoms, [r, s]);
                foreach (int t in shares[r].Concat(shares[s]))
                {
                    if (t <= s || t == r) continue;
                    if (aromatic[r] && aromatic[s] && aromatic[t]) continue;
                    TryUnion(mol, electrons, atoms, [r, s, t]);
                }
            }
        }
    }

    private static void TryUnion(Molecule mol, int[] electrons, HashSet<int> atoms, int[] rings)
    {
        atoms.Clear();
        foreach (int r in rings) foreach (int a in mol.AtomRings[r]) atoms.Add(a);
        int sum = 0;
        foreach (int a in atoms) sum += electrons[a];
        if (!Huckel(sum)) return;
        // As RDKit: a fused system marks its atoms and its perimeter bonds; bonds shared inside it stay as they are.
        foreach (int r in rings)
        {
            foreach (int bi in mol.BondRings[r])
            {
                int uses = 0;
                foreach (int s in rings) if (Array.IndexOf(mol.BondRings[s], bi) >= 0) uses++;
                if (uses == 1) mol.Bonds[bi].Order = Bond.AromaticOrder;
            }
        }
        foreach (int a in atoms) mol.Atoms[a].Aromatic = true;
    }

    /// <summary>Electrons an atom donates to a ring (0, 1, 2), or <see cref="None"/> when it cannot be aromatic.</summary>
    private static int Donor(Molecule mol, int self)
    {
        var a = mol.Atoms[self];
        int z = a.Element;
        if (!(z is 5 or 6 or 7 or 8 or 15 or 16 or 33 or 34 or 52)) return None;
        if (a.TotalDegree > 3 || a.Radicals > 0) return None;
        int multiple = 0, cyclicMultiple = 0, valence = a.Hydrogens;
        int exoPartner = -1;
        foreach (int bi in a.Bonds)
        {
            var b = mol.Bonds[bi];
            valence += b.Order;
            if (b.Order < 2) continue;
            multiple++;
            if (b.InRing) cyclicMultiple++;
            else exoPartner = b.Other(self);
        }
        // RDKit keeps the valence it snapped a leniently accepted aromatic atom to, and only refuses an atom with two
        // multiple bonds when that valence shows more than one unsaturation.
        if (a.LenientValence >= 0) valence = a.LenientValence;
        if (multiple > 1 && valence - a.Degree - a.Hydrogens > 1) return None;
        int iso = z - a.Charge;
        if (iso is < 1 or > 118) return None;
        int dvIso = ElementTable.Valences[iso][0];
        if (dvIso >= 0 && valence > dvIso) return None;
        int dv = ElementTable.Valences[z][0];
        if (dv <= 1) return None;
        int degree = a.TotalDegree;
        int nlp = Math.Max(ElementTable.OuterElectrons[z] - dv - a.Charge, 0);
        int nelec = dv - degree + nlp;
        if (nelec > 1 && valence - a.Degree - a.Hydrogens > 1) nelec = 1;
        if (nelec < 0) return None;
        if (nelec == 0)
        {
            if (multiple > cyclicMultiple) return Vacant;
            return cyclicMultiple > 0 ? 1 : None;
        }
        // As RDKit, "has a multiple bond" below means a valence above the degree (the snapped one for a lenient atom).
        bool unsaturated = valence - a.Degree - a.Hydrogens > 0;
        if (nelec == 1)
        {
            if (multiple > cyclicMultiple)
                return MoreElectronegative(mol.Atoms[exoPartner].Element, z) ? Vacant : 1;
            if (unsaturated) return 1;
            return a.Charge == 1 ? Vacant : None;
        }
        return unsaturated ? 1 : 2;
    }

    /// <summary>RDKit's rule: more outer electrons, or the same and a smaller atomic number.</summary>
    private static bool MoreElectronegative(int x, int y)
    {
        int ex = ElementTable.OuterElectrons[x], ey = ElementTable.OuterElectrons[y];
        return ex > ey || (ex == ey && x < y);
    }
}
