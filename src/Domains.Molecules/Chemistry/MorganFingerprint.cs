// Morgan / ECFP fingerprints (Rogers & Hahn 2010) with RDKit's connectivity invariants, boost-style hash_combine,
// bond-type neighbour pairs and duplicate-neighbourhood removal, folded modulo the bit count.
namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Morgan circular fingerprints compatible with RDKit's GetMorganFingerprintAsBitVect.</summary>
public static class MorganFingerprint
{
    /// <summary>ECFP4 (radius 2) folded to <paramref name="bits"/> bits (2048 by default; 1024 also common).</summary>
    public static Fingerprint Ecfp4(Molecule molecule, int bits = 2048) => Compute(molecule, 2, bits);

    /// <summary>Morgan fingerprint of the given radius folded to <paramref name="bits"/> bits.</summary>
    public static Fingerprint Compute(Molecule molecule, int radius, int bits)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 1);
        var words = new ulong[(bits + 63) / 64];
        foreach (uint id in FeatureIds(molecule, radius))
        {
            int bit = (int)(id % (uint)bits);
            words[bit >> 6] |= 1UL << (bit & 63);
        }
        return new Fingerprint(bits, words);
    }

    internal static List<uint> FeatureIds(Molecule m, int radius)
    {
        int n = m.Atoms.Count;
        var features = new List<uint>(n * (radius + 1));
        var current = new uint[n];
        for (int i = 0; i < n; i++)
        {
            current[i] = AtomInvariant(m, i);
            features.Add(current[i]);
        }
        // Neighbourhoods are sorted bond-index sets; RDKit keeps one feature per distinct set (the lowest invariant).
        var hoods = new int[n][];
        for (int i = 0; i < n; i++) hoods[i] = [];
        var dead = new bool[n];
        var seen = new HashSet<int[]>(IntArrayComparer.Instance);
        var pairs = new List<(int Bond, uint Inv)>(6);
        var set = new List<int>(32);
        for (int layer = 0; layer < radius; layer++)
        {
            var next = (uint[])current.Clone();
            var round = new List<(int[] Hood, uint Inv, int Atom)>();
            var newHoods = (int[][])hoods.Clone();
            for (int i = 0; i < n; i++)
            {
                if (dead[i]) continue;
                var a = m.Atoms[i];
                if (a.Bonds.Count == 0)
                {
                    // An isolated atom has no larger environment.
                    dead[i] = true;
                    continue;
                }
                pairs.Clear();
                set.Clear();
                set.AddRange(hoods[i]);
                foreach (int bi in a.Bonds)
                {
                    var b = m.Bonds[bi];
                    int o = b.Other(i);
                    pairs.Add((b.Order == Bond.AromaticOrder ? 12 : b.Order, current[o]));
                    set.Add(bi);
                    set.AddRange(hoods[o]);
                }
                pairs.Sort();
                uint inv = (uint)layer;
                Combine(ref inv, current[i]);
                foreach (var (bond, nInv) in pairs)
                {
                    uint seed = 0;
                    Combine(ref seed, (uint)bond);
                    Combine(ref seed, nInv);
                    Combine(ref inv, seed);
                }
                next[i] = inv;
                set.Sort();
                int count = 0;
                for (int k = 0; k < set.Count; k++) if (k == 0 || set[k] != set[k - 1]) set[count++] = set[k];
                var hood = set.GetRange(0, count).ToArray();
                newHoods[i] = hood;
                round.Add((hood, inv, i));
            }
            round.Sort((x, y) =>
            {
                int c = x.Inv.CompareTo(y.Inv);
                return c != 0 ? c : x.Atom.CompareTo(y.Atom);
            });
            foreach (var (hood, inv, atom) in round)
            {
                if (seen.Add(hood)) features.Add(inv);
                else dead[atom] = true;
            }
            current = next;
            hoods = newHoods;
        }
        return features;
    }

    /// <summary>RDKit's connectivity invariant: hash of (Z, total degree, H count, charge, mass delta, in ring).</summary>
    private static uint AtomInvariant(Molecule m, int i)
    {
        var a = m.Atoms[i];
        int h = MoleculeGraph.TotalH(m, i);
        uint seed = 0;
        Combine(ref seed, (uint)a.Element);
        Combine(ref seed, (uint)(a.Degree + a.Hydrogens));
        Combine(ref seed, (uint)h);
        Combine(ref seed, (uint)a.Charge);
        int delta = 0;
        if (a.Isotope > 0) delta = (int)(Masses.IsotopeMass(a.Element, a.Isotope) - ElementTable.AverageMass[a.Element]);
        Combine(ref seed, (uint)delta);
        if (a.InRing) Combine(ref seed, 1u);
        return seed;
    }

    /// <summary>boost::hash_combine on a 32-bit seed.</summary>
    private static void Combine(ref uint seed, uint value) =>
        seed ^= unchecked(value + 0x9e3779b9u + (seed << 6) + (seed >> 2));
}
