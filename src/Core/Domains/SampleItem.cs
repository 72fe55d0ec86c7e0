namespace LatentWorkbench.Core.Domains;

/// <summary>An example item shipped with a module, or one item read from a user's file: a name, its text, and tags (e.g. "jazz", "drug").</summary>
public sealed record SampleItem(string Name, string Text, IReadOnlyList<string> Tags)
{
    /// <summary>
    /// What the reader had to assume to give this item, in a sentence the user should see (e.g. "The file names no time
    /// signature; it was cut as 4/4."); null when the file said everything.
    /// </summary>
    public string? Note { get; init; }
}
