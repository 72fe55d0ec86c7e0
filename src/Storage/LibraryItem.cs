namespace LatentWorkbench.Storage;

/// <summary>An item kept in the library: its domain, name, canonical text, tags and computed properties.</summary>
public sealed record LibraryItem(long Id, string Domain, string Name, string Text, IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, double> Properties, DateTimeOffset Created);
