namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>
/// Canonical isomeric SMILES: the same string for the same molecule whatever the input atom order or ring numbering.
/// Stereo is kept where it is canonical (tetrahedral centres with distinguishable neighbours, double bonds whose ends
/// carry distinguishable substituents); isotopes, charges and atom classes are kept.
/// </summary>
public static class CanonicalSmiles
{
    /// <summary>
    /// Largest molecule (atoms) given a canonical form: ranking refines classes once per graph-distance step, so time
    /// grows roughly with the square of the size; the limit keeps any input within a fraction of a second.
    /// </summary>
    public const int MaxAtoms = 2000;

    /// <summary>Writes the canonical SMILES of a molecule.</summary>
    /// <exception cref="SmilesException">The molecule has more than <see cref="MaxAtoms"/> atoms.</exception>
    public static string Write(Molecule molecule) => Write(molecule, kekule: false);

    /// <summary>
    /// Writes the canonical SMILES with aromatic rings in a Kekulé form (upper-case atoms, alternating explicit double
    /// bonds), e.g. <c>C1=CC=CC=C1</c> for benzene: the same atom order as <see cref="Write(Molecule)"/>; reading it
    /// back and writing the canonical SMILES gives the aromatic form again.
    /// </summary>
    public static string WriteKekule(Molecule molecule) => Write(molecule, kekule: true);

    private static string Write(Molecule molecule, bool kekule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        if (molecule.Atoms.Count == 0) return string.Empty;
        if (molecule.Atoms.Count > MaxAtoms)
            throw new SmilesException($"molecule has {molecule.Atoms.Count} atoms; canonical SMILES is limited to {MaxAtoms}", -1);
        var (candidates, keepChiral, symmetry) = CanonicalRanker.Rank(molecule);
        var keepDouble = KeepDoubleBonds(molecule, symmetry);
        string? best = null;
        foreach (var ranks in candidates)
        {
            string s = new SmilesWriter(molecule, ranks, keepChiral, keepDouble, kekule).Write();
            if (best is null || string.CompareOrdinal(s, best) < 0) best = s;
        }
        return best!;
    }

    /// <summary>Canonicalizes a SMILES string; throws <see cref="SmilesException"/> when it is invalid.</summary>
    public static string FromSmiles(string smiles) => Write(Molecule.Parse(smiles));

    /// <summary>
    /// Writes the molecule with atoms visited in the order of <paramref name="ranks"/> (distinct values; for example a
    /// random permutation), keeping all written stereo. Used to produce non-canonical but equivalent SMILES.
    /// </summary>
    public static string WriteWithRanks(Molecule molecule, int[] ranks)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        ArgumentNullException.ThrowIfNull(ranks);
        if (ranks.Length != molecule.Atoms.Count) throw new ArgumentException("one rank per atom is needed", nameof(ranks));
        var keepChiral = new bool[ranks.Length];
        Array.Fill(keepChiral, true);
        var keepDouble = new bool[molecule.Bonds.Count];
        Array.Fill(keepDouble, true);
        return new SmilesWriter(molecule, ranks, keepChiral, keepDouble).Write();
    }

    private static bool[] KeepDoubleBonds(Molecule m, long[] symmetry)
    {
        var keep = new bool[m.Bonds.Count];
        for (int d = 0; d < m.Bonds.Count; d++)
        {
            var b = m.Bonds[d];
            if (b.Order != 2) continue;
            if (b.InRing && Math.Min(m.AtomMinRing[b.A], m.AtomMinRing[b.B]) < 8) continue;
            keep[d] = Distinguishable(m, b.A, d, symmetry) && Distinguishable(m, b.B, d, symmetry);
        }
        return keep;
    }

    private static bool Distinguishable(Molecule m, int a, int d, long[] symmetry)
    {
        var atom = m.Atoms[a];
        var others = atom.Bonds.Where(bi => bi != d).Select(bi => m.Bonds[bi].Other(a)).ToList();
        if (others.Count == 0 || others.Count > 2) return false;
        if (others.Count == 2) return symmetry[others[0]] != symmetry[others[1]];
        return true;
    }
}
