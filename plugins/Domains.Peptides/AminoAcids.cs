namespace LatentWorkbench.Domains.Peptides;

/// <summary>
/// The 20 standard residues. Average residue masses are those of ExPASy's Compute pI/Mw (average isotopic
/// composition); hydropathy is Kyte–Doolittle 1982.
/// </summary>
public static class AminoAcids
{
    /// <summary>The one-letter codes in alphabetical order.</summary>
    public const string Codes = "ACDEFGHIKLMNPQRSTVWY";

    /// <summary>Average mass of water, Da (added once per chain for the free termini).</summary>
    public const double WaterMass = 18.01524;

    /// <summary>All residues, alphabetical by code.</summary>
    public static IReadOnlyList<AminoAcid> All { get; } =
    [
        new('A', "alanine", 71.0788, 1.8, ResidueClass.Hydrophobic),
        new('C', "cysteine", 103.1388, 2.5, ResidueClass.Special),
        new('D', "aspartate", 115.0886, -3.5, ResidueClass.Negative),
        new('E', "glutamate", 129.1155, -3.5, ResidueClass.Negative),
        new('F', "phenylalanine", 147.1766, 2.8, ResidueClass.Aromatic),
        new('G', "glycine", 57.0519, -0.4, ResidueClass.Special),
        new('H', "histidine", 137.1411, -3.2, ResidueClass.Positive),
        new('I', "isoleucine", 113.1594, 4.5, ResidueClass.Hydrophobic),
        new('K', "lysine", 128.1741, -3.9, ResidueClass.Positive),
        new('L', "leucine", 113.1594, 3.8, ResidueClass.Hydrophobic),
        new('M', "methionine", 131.1926, 1.9, ResidueClass.Hydrophobic),
        new('N', "asparagine", 114.1038, -3.5, ResidueClass.Polar),
        new('P', "proline", 97.1167, -1.6, ResidueClass.Special),
        new('Q', "glutamine", 128.1307, -3.5, ResidueClass.Polar),
        new('R', "arginine", 156.1875, -4.5, ResidueClass.Positive),
        new('S', "serine", 87.0782, -0.8, ResidueClass.Polar),
        new('T', "threonine", 101.1051, -0.7, ResidueClass.Polar),
        new('V', "valine", 99.1326, 4.2, ResidueClass.Hydrophobic),
        new('W', "tryptophan", 186.2132, -0.9, ResidueClass.Aromatic),
        new('Y', "tyrosine", 163.1760, -1.3, ResidueClass.Aromatic),
    ];

    /// <summary>The residue with one-letter <paramref name="code"/> (upper case), or null.</summary>
    public static AminoAcid? Find(char code)
    {
        var i = Codes.IndexOf(code);
        return i < 0 ? null : All[i];
    }

    /// <summary>The residue with one-letter <paramref name="code"/>; throws for a non-standard letter.</summary>
    public static AminoAcid Get(char code) => Find(code) ?? throw new ArgumentException($"'{code}' is not one of the 20 standard residues.");
}
