using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>Validates clip text: well-formed text is returned in canonical form, otherwise the error and its character position.</summary>
public sealed class ClipValidator : IItemValidator
{
    /// <inheritdoc />
    public ValidationResult Validate(string text)
    {
        var parsed = ClipText.Parse(text ?? "");
        return parsed.Clip is { } clip
            ? ValidationResult.Valid(ClipText.ToText(clip))
            : ValidationResult.Invalid(parsed.Error ?? "not a clip", parsed.Position);
    }
}
