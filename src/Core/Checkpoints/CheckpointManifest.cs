using LatentWorkbench.Core.Models;
using LatentWorkbench.Core.Training;

namespace LatentWorkbench.Core.Checkpoints;

/// <summary>
/// <c>config.json</c> of a checkpoint folder: everything needed to rebuild and judge the model. Written last and
/// atomically, so it is the commit point of a checkpoint: the files it names are complete.
/// </summary>
public sealed record CheckpointManifest
{
    /// <summary>The format version this build writes and reads (<see cref="CheckpointStore.ReadManifest"/> refuses others).</summary>
    public const int SupportedFormatVersion = 1;

    /// <summary>Format of this file.</summary>
    public int FormatVersion { get; init; } = SupportedFormatVersion;
    /// <summary>Domain the model belongs to.</summary>
    public required string DomainId { get; init; }
    /// <summary>Vocabulary, index = token id.</summary>
    public required IReadOnlyList<string> Vocabulary { get; init; }
    /// <summary>Network sizes.</summary>
    public required VaeConfig Model { get; init; }
    /// <summary>Training settings used.</summary>
    public required TrainingSettings Training { get; init; }
    /// <summary>Mean and standard deviation of each property target (heads predict standardised values).</summary>
    public IReadOnlyDictionary<string, PropertyScale> PropertyScaling { get; init; } = new Dictionary<string, PropertyScale>();
    /// <summary>Hash of the training data (file names, sizes, item count).</summary>
    public string DataFingerprint { get; init; } = "";
    /// <summary>Training items after filtering.</summary>
    public int TrainingItems { get; init; }
    /// <summary>Where training stands.</summary>
    public TrainingState State { get; init; } = new();
    /// <summary>Latest validation figures.</summary>
    public ValidationMetrics? Metrics { get; init; }
    /// <summary>Validation figures after every epoch.</summary>
    public IReadOnlyList<ValidationMetrics> History { get; init; } = [];
    /// <summary>Out-of-distribution calibration, set when training completes.</summary>
    public OodCalibration? Ood { get; init; }
    /// <summary>Attribute vectors (unit-free directions in latent space) by attribute key.</summary>
    public IReadOnlyDictionary<string, float[]> AttributeVectors { get; init; } = new Dictionary<string, float[]>();
    /// <summary>TorchSharp version that wrote the weights.</summary>
    public string TorchSharpVersion { get; init; } = "";
    /// <summary>Files of this checkpoint, relative to its folder.</summary>
    public CheckpointFiles Files { get; init; } = new();
    /// <summary>When this manifest was written (UTC).</summary>
    public DateTime WrittenUtc { get; init; }
    /// <summary>Free-form notes for the model card (data provenance, remarks).</summary>
    public string Notes { get; init; } = "";
}

/// <summary>Standardisation of one property target.</summary>
public sealed record PropertyScale(double Mean, double Std);

/// <summary>Progress of training, for resuming.</summary>
public sealed record TrainingState
{
    /// <summary>Optimisation steps done.</summary>
    public long Step { get; init; }
    /// <summary>Epochs fully done.</summary>
    public int EpochsDone { get; init; }
    /// <summary>Steps done inside the current epoch.</summary>
    public int StepInEpoch { get; init; }
    /// <summary>Wall-clock seconds spent training, all runs together.</summary>
    public double Seconds { get; init; }
    /// <summary>Whether all planned epochs finished.</summary>
    public bool Completed { get; init; }
}

/// <summary>Calibration of the out-of-distribution score: mean distance to the k nearest reference latents.</summary>
/// <param name="Neighbours">k.</param>
/// <param name="Threshold">Distance exceeded by ~1% of training items; scores are distance / threshold.</param>
public sealed record OodCalibration(int Neighbours, double Threshold);

/// <summary>File names inside a checkpoint folder.</summary>
public sealed record CheckpointFiles
{
    /// <summary>Model weights.</summary>
    public string Weights { get; init; } = "";
    /// <summary>Optimizer state for resuming ("" when not kept).</summary>
    public string Optimizer { get; init; } = "";
    /// <summary>Reference latents (posterior means of training items) for OOD scores and maps ("" when absent).</summary>
    public string Reference { get; init; } = "";
    /// <summary>Sorted 64-bit hashes of canonical training items, for novelty ("" when absent).</summary>
    public string TrainingHashes { get; init; } = "";
}
