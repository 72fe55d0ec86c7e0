namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>One atom of a <see cref="Molecule"/>; mutable while the parser and sanitizer build it.</summary>
internal sealed class Atom
{
    public int Element;
    public int Isotope;
    public int Charge;
    public bool Aromatic;
    /// <summary>Hydrogens written in a bracket atom, or -1 for an organic-subset atom.</summary>
    public int BracketH = -1;
    /// <summary>Hydrogens after sanitization (written plus implicit).</summary>
    public int Hydrogens;
    /// <summary>0 none, 1 '@' (anticlockwise), 2 '@@' (clockwise), relative to <see cref="Bonds"/> order.</summary>
    public int Chirality;
    /// <summary>Index in <see cref="Bonds"/> before which the bracket hydrogen stands for chirality.</summary>
    public int ChiralHPosition;
    public int AtomClass;
    /// <summary>Explicit [H] atoms folded into this organic-subset atom.</summary>
    public int MergedH;
    /// <summary>Unpaired electrons of a bracket atom written with too few hydrogens.</summary>
    public int Radicals;
    /// <summary>Position of the atom in the input string (for error messages).</summary>
    public int Position;
    public bool InRing;
    /// <summary>
    /// For an aromatic atom accepted only through RDKit's aromatic leniency, the allowed valence it was snapped to
    /// (what RDKit keeps as its valence for aromaticity perception); else -1.
    /// </summary>
    public int LenientValence = -1;
    public readonly List<int> Bonds = new(4);

    public int Degree => Bonds.Count;
    public int TotalDegree => Bonds.Count + Hydrogens;
}
