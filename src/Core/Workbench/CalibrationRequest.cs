using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Core.Workbench;

/// <summary>What <see cref="Calibration.Run"/> calibrates a checkpoint on.</summary>
public sealed record CalibrationRequest
{
    /// <summary>Items to calibrate on (as training reads them); those the model cannot read are left out.</summary>
    public required IReadOnlyList<TrainingRecord> Records { get; init; }

    /// <summary>Reference items, spread evenly over <see cref="Records"/>, for the OOD reference and the attribute vectors.</summary>
    public int ReferenceItems { get; init; } = 2000;

    /// <summary>Hashes of the canonical training items for novelty, or null to keep the model's.</summary>
    public IReadOnlyCollection<ulong>? TrainingHashes { get; init; }

    /// <summary>Recompute only these attribute vectors and keep the OOD reference and the other vectors; null for all.</summary>
    public IReadOnlyCollection<string>? Attributes { get; init; }

    /// <summary>Device to encode on: auto, cpu or cuda.</summary>
    public string? Device { get; init; } = "auto";

    /// <summary>
    /// Called with the manifest about to be committed, after every file it names is written and before the commit (for
    /// logging; tests throw from it to simulate a crash between the two).
    /// </summary>
    public Action<CheckpointManifest>? BeforeCommit { get; init; }
}
