namespace LatentWorkbench.Storage;

/// <summary>
/// An item kept in the library: its domain, name, canonical text, tags and computed properties; the user who owns it
/// (null: the lab's) and whether they share it with the lab.
/// </summary>
public sealed record LibraryItem(long Id, string Domain, string Name, string Text, IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, double> Properties, DateTimeOffset Created, string? Owner = null, bool Shared = false);
