using LatentWorkbench.Core.Domains;
using LatentWorkbench.Storage;

namespace LatentWorkbench.Web.Components.Shared;

/// <summary>Validation of typed items as the pages show it: empty is not an error, errors name their position.</summary>
public static class ItemChecks
{
    /// <summary>The domain validator's verdict on <paramref name="text"/>, with "(position N)" added to the error.</summary>
    public static ValidationResult Check(IDomainModule domain, string text)
    {
        if (string.IsNullOrEmpty(text)) return ValidationResult.Valid("");
        var result = domain.Validator.Validate(text);
        return result.IsValid || result.Position < 0 ? result : result with { Error = $"{result.Error} (position {result.Position})" };
    }

    /// <summary>Whether <paramref name="text"/> is a non-empty valid item.</summary>
    public static bool IsUsable(IDomainModule domain, string text) => text.Length > 0 && domain.Validator.Validate(text).IsValid;

    /// <summary>
    /// How titles name an item: by the name an input reported for it (<paramref name="names"/>, e.g. a part of an
    /// uploaded file), else as the sample or library item it is, else by its first characters.
    /// </summary>
    public static string NameOf(IDomainModule domain, string text, IReadOnlyList<LibraryItem>? library = null, IReadOnlyDictionary<string, string>? names = null) =>
        Short(names?.GetValueOrDefault(text) ?? KnownName(domain, text, library) ?? text, 48);

    /// <summary>The name of the sample or library item whose text is <paramref name="text"/>; null when it is neither.</summary>
    public static string? KnownName(IDomainModule domain, string text, IReadOnlyList<LibraryItem>? library = null) =>
        domain.Samples.FirstOrDefault(s => s.Text == text)?.Name ?? library?.FirstOrDefault(i => i.Text == text)?.Name;

    /// <summary>The first characters of an item for titles and messages.</summary>
    public static string Short(string text, int length = 30) => text.Length <= length ? text : text[..(length - 3)] + "...";
}
