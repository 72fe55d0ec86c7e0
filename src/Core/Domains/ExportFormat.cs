namespace LatentWorkbench.Core.Domains;

/// <summary>A download format of <see cref="IItemFiles.Export"/>: id, name shown to users, file extension (with the dot) and media type.</summary>
public sealed record ExportFormat(string Id, string Name, string Extension, string ContentType);
