namespace LatentWorkbench.Core.Domains;

/// <summary>An example item shipped with a module: a name, its text, and tags (e.g. "jazz", "drug").</summary>
public sealed record SampleItem(string Name, string Text, IReadOnlyList<string> Tags);
