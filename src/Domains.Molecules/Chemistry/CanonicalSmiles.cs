namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Canonical isomeric SMILES writer.</summary>
public static class CanonicalSmiles
{
    /// <summary>Writes the canonical SMILES of a molecule.</summary>
    public static string Write(Molecule molecule) => string.Empty;
}
