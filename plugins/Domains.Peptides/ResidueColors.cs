namespace LatentWorkbench.Domains.Peptides;

/// <summary>Background colour of each residue class (colour-blind safe Okabe–Ito palette), for the views.</summary>
public static class ResidueColors
{
    /// <summary>CSS colour of <paramref name="c"/>.</summary>
    public static string Of(ResidueClass c) => c switch
    {
        ResidueClass.Hydrophobic => "#E69F00",
        ResidueClass.Aromatic => "#CC79A7",
        ResidueClass.Polar => "#009E73",
        ResidueClass.Positive => "#0072B2",
        ResidueClass.Negative => "#D55E00",
        _ => "#999999",
    };
}
