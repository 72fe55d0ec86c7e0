namespace LatentWorkbench.Core.Domains;

/// <summary>Parses user input into an item's canonical text, or explains what is wrong and where.</summary>
public interface IItemValidator
{
    /// <summary>Validates <paramref name="text"/>; never throws for bad input.</summary>
    ValidationResult Validate(string text);
}

/// <summary>
/// Result of validating an item: <see cref="Canonical"/> is the normalized text when valid (e.g. canonical SMILES);
/// otherwise <see cref="Error"/> says what is wrong and <see cref="Position"/> where (0-based character index, -1 if none).
/// </summary>
public sealed record ValidationResult(bool IsValid, string? Canonical, string? Error = null, int Position = -1)
{
    /// <summary>A valid result.</summary>
    public static ValidationResult Valid(string canonical) => new(true, canonical);

    /// <summary>An invalid result.</summary>
    public static ValidationResult Invalid(string error, int position = -1) => new(false, null, error, position);
}
