using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Domains.Peptides;

/// <summary>
/// Accepts amino-acid sequences of the 20 standard residues in one-letter code. Whitespace and case are
/// forgiven (the canonical form is upper case without spaces); anything else is an error naming the letter and
/// its position in the text as typed.
/// </summary>
public sealed class PeptideValidator : IItemValidator
{
    /// <summary>Longest sequence accepted, in residues.</summary>
    public const int MaxResidues = 200;

    /// <inheritdoc/>
    public ValidationResult Validate(string text)
    {
        var residues = new System.Text.StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) continue;
            var upper = char.ToUpperInvariant(c);
            if (AminoAcids.Find(upper) is null) return ValidationResult.Invalid(Explain(c, i), i);
            residues.Append(upper);
        }
        if (residues.Length == 0) return ValidationResult.Invalid("The sequence is empty: type residues in one-letter code, e.g. GIGKFLHSAKKF.");
        if (residues.Length > MaxResidues) return ValidationResult.Invalid($"The sequence has {residues.Length} residues; at most {MaxResidues} are accepted.", MaxResidues);
        return ValidationResult.Valid(residues.ToString());
    }

    /// <summary>Why <paramref name="c"/> at <paramref name="position"/> (0-based) is not a standard residue.</summary>
    internal static string Explain(char c, int position)
    {
        var what = char.ToUpperInvariant(c) switch
        {
            'B' => "B (D or N) is ambiguous",
            'Z' => "Z (E or Q) is ambiguous",
            'J' => "J (I or L) is ambiguous",
            'X' => "X (any residue) is unknown",
            'U' => "U (selenocysteine) is not a standard residue",
            'O' => "O (pyrrolysine) is not a standard residue",
            _ when char.IsLetter(c) => $"'{c}' is not a residue code",
            _ => $"'{c}' is not a letter",
        };
        return $"{what} at position {position + 1}: use the 20 standard residues {AminoAcids.Codes}.";
    }
}
