using LatentWorkbench.Core.Domains;
using LatentWorkbench.Domains.Molecules.Chemistry;

namespace LatentWorkbench.Domains.Molecules;

/// <summary>Accepts a SMILES exactly when the chemistry toolkit can parse and sanitize it (as RDKit would); canonicalises it.</summary>
public sealed class MoleculeValidator : IItemValidator
{
    /// <summary>Longest SMILES accepted from users.</summary>
    public const int MaxLength = 2000;

    /// <inheritdoc/>
    public ValidationResult Validate(string text)
    {
        var smiles = text.Trim();
        if (smiles.Length == 0) return ValidationResult.Invalid("empty SMILES", 0);
        if (smiles.Length > MaxLength) return ValidationResult.Invalid($"SMILES longer than {MaxLength} characters", MaxLength);
        var result = Molecule.TryParse(smiles);
        if (!result.IsValid) return ValidationResult.Invalid(result.Error ?? "invalid SMILES", result.Position);
        try
        {
            return ValidationResult.Valid(CanonicalSmiles.Write(result.Molecule!));
        }
        catch (SmilesException e)
        {
            return ValidationResult.Invalid(e.Message, e.Position);
        }
    }

    /// <summary>The canonical SMILES, or null when invalid.</summary>
    public string? Canonicalize(string smiles) => Validate(smiles).Canonical;
}
