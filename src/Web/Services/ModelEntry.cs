using LatentWorkbench.Core.Checkpoints;

namespace LatentWorkbench.Web.Services;

/// <summary>A checkpoint folder found for a domain: its manifest, model card text, evaluation JSON and whether it is served.</summary>
public sealed record ModelEntry(string Domain, string Name, string Folder, CheckpointManifest Manifest, string? Card, string? Evaluation, bool Active);
