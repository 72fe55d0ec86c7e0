namespace LatentWorkbench.Storage;

/// <summary>Outcome of importing a file into the library: how many items were added and what was wrong with the others.</summary>
public sealed record ImportReport(int Added, IReadOnlyList<string> Problems);
