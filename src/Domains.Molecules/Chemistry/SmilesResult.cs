namespace LatentWorkbench.Domains.Molecules.Chemistry;

/// <summary>Outcome of reading a SMILES string: a sanitized molecule, or an error with its position.</summary>
/// <param name="Molecule">The molecule when the string is valid, else null.</param>
/// <param name="Error">What was wrong (null when valid).</param>
/// <param name="Position">Zero-based position of the problem; -1 when valid or when it concerns the whole molecule.</param>
public sealed record SmilesResult(Molecule? Molecule, string? Error, int Position)
{
    /// <summary>True when the string is a valid molecule.</summary>
    public bool IsValid => Molecule is not null;
}
