using LatentWorkbench.Core.Domains;

namespace LabPlugin;

/// <summary>Upper-cases and drops whitespace; any other character is an error naming it and its position.</summary>
public sealed class LabValidator : IItemValidator
{
    /// <inheritdoc/>
    public ValidationResult Validate(string text)
    {
        var letters = new System.Text.StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i])) continue;
            var c = char.ToUpperInvariant(text[i]);
            if (!Alphabet.Letters.Contains(c)) return ValidationResult.Invalid($"'{text[i]}' at position {i + 1} is not one of {Alphabet.Letters}.", i);
            letters.Append(c);
        }
        if (letters.Length == 0) return ValidationResult.Invalid("The item is empty.");
        if (letters.Length > Alphabet.MaxLength) return ValidationResult.Invalid($"The item has {letters.Length} letters; at most {Alphabet.MaxLength} are accepted.");
        return ValidationResult.Valid(letters.ToString());
    }
}
