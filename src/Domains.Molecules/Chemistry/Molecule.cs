namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>
/// A sanitized molecule read from SMILES: heavy atoms with hydrogen counts, Kekulé and aromatic bonds,
/// smallest set of smallest rings. Create one with <see cref="Parse"/> or <see cref="TryParse"/>; it is not changed afterwards.
/// </summary>
public sealed class Molecule
{
    internal readonly List<Atom> Atoms = new();
    internal readonly List<Bond> Bonds = new();
    /// <summary>SSSR rings as atom index cycles (consecutive atoms bonded).</summary>
    internal List<int[]> AtomRings = new();
    /// <summary>SSSR rings as bond index lists, parallel to <see cref="AtomRings"/>.</summary>
    internal List<int[]> BondRings = new();
    /// <summary>Number of SSSR rings each atom belongs to.</summary>
    internal int[] AtomRingCount = [];
    /// <summary>Smallest SSSR ring size of each atom (0 when acyclic).</summary>
    internal int[] AtomMinRing = [];

    internal Molecule()
    {
    }

    /// <summary>Number of atoms in the graph (heavy atoms plus any hydrogens kept as atoms).</summary>
    public int AtomCount => Atoms.Count;

    /// <summary>Number of bonds in the graph.</summary>
    public int BondCount => Bonds.Count;

    /// <summary>Number of atoms heavier than hydrogen (dummy atoms do not count, as in RDKit).</summary>
    public int HeavyAtomCount
    {
        get
        {
            int n = 0;
            foreach (var a in Atoms) if (a.Element > 1) n++;
            return n;
        }
    }

    /// <summary>Reads and sanitizes a SMILES string.</summary>
    /// <exception cref="SmilesException">The string is not a valid molecule; the message names the problem and position.</exception>
    public static Molecule Parse(string smiles)
    {
        ArgumentNullException.ThrowIfNull(smiles);
        var mol = SmilesParser.Parse(smiles);
        Sanitizer.Sanitize(mol);
        return mol;
    }

    /// <summary>Reads and sanitizes a SMILES string without throwing.</summary>
    public static SmilesResult TryParse(string smiles)
    {
        try
        {
            return new SmilesResult(Parse(smiles), null, -1);
        }
        catch (SmilesException e)
        {
            return new SmilesResult(null, e.Message, e.Position);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            // A reader defect must still come back as a result, never as an exception from bad input.
            return new SmilesResult(null, $"internal error while reading SMILES: {e.Message}", -1);
        }
    }

    /// <summary>The canonical isomeric SMILES of this molecule (a size note beyond <see cref="CanonicalSmiles.MaxAtoms"/> atoms).</summary>
    public override string ToString() =>
        Atoms.Count <= CanonicalSmiles.MaxAtoms ? CanonicalSmiles.Write(this) : $"<molecule with {Atoms.Count} atoms>";

    internal int AddBond(int a, int b, int order, char dir, bool explicitAromatic)
    {
        int idx = Bonds.Count;
        Bonds.Add(new Bond { A = a, B = b, Order = order, Direction = dir, Aromatic = explicitAromatic });
        Atoms[a].Bonds.Add(idx);
        Atoms[b].Bonds.Add(idx);
        return idx;
    }

    internal int AddBondToSlot(int a, int slotInA, int b, int order, char dir, bool explicitAromatic)
    {
        int idx = Bonds.Count;
        Bonds.Add(new Bond { A = a, B = b, Order = order, Direction = dir, Aromatic = explicitAromatic });
        Atoms[a].Bonds[slotInA] = idx;
        Atoms[b].Bonds.Add(idx);
        return idx;
    }

    internal int FindBond(int a, int b)
    {
        foreach (int bi in Atoms[a].Bonds)
            if (bi >= 0 && Bonds[bi].Other(a) == b) return bi;
        return -1;
    }

    internal int Neighbor(int atom, int bondSlot) => Bonds[Atoms[atom].Bonds[bondSlot]].Other(atom);
}
