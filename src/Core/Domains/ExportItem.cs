namespace LatentWorkbench.Core.Domains;

/// <summary>One item to export: a name, its text, whether it is valid, and its properties.</summary>
public sealed record ExportItem(string Name, string Text, bool Valid, IReadOnlyDictionary<string, double> Properties);
