namespace LatentWorkbench.Domains.Peptides;

/// <summary>The class each standard residue belongs to (exactly one), used for colours and composition fractions.</summary>
public enum ResidueClass
{
    /// <summary>Aliphatic, non-polar: A V I L M.</summary>
    Hydrophobic,
    /// <summary>Aromatic: F W Y.</summary>
    Aromatic,
    /// <summary>Polar, uncharged: S T N Q.</summary>
    Polar,
    /// <summary>Basic, positively charged at pH 7 (H partly): K R H.</summary>
    Positive,
    /// <summary>Acidic, negatively charged at pH 7: D E.</summary>
    Negative,
    /// <summary>Backbone-special residues: G P C.</summary>
    Special,
}
