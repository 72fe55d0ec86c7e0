using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Models;

namespace LatentWorkbench.Core.Training;

/// <summary>Everything the trainer needs: data already tokenized and encoded, sizes, settings and where to write.</summary>
public sealed record TrainingRun
{
    /// <summary>Checkpoint folder (resumed when it holds an unfinished run of the same model).</summary>
    public required string OutputFolder { get; init; }
    /// <summary>Domain id written into the manifest.</summary>
    public required string DomainId { get; init; }
    /// <summary>Vocabulary of the encoded items.</summary>
    public required Vocabulary Vocabulary { get; init; }
    /// <summary>Network sizes.</summary>
    public required VaeConfig Model { get; init; }
    /// <summary>Optimisation settings.</summary>
    public required TrainingSettings Settings { get; init; }
    /// <summary>Training items.</summary>
    public required IReadOnlyList<EncodedItem> Train { get; init; }
    /// <summary>Validation items.</summary>
    public required IReadOnlyList<EncodedItem> Valid { get; init; }
    /// <summary>Standardisation of property targets.</summary>
    public IReadOnlyDictionary<string, PropertyScale> PropertyScaling { get; init; } = new Dictionary<string, PropertyScale>();
    /// <summary>Fingerprint of the data.</summary>
    public string DataFingerprint { get; init; } = "";
    /// <summary>Hashes of canonical training items (for novelty), written when training completes.</summary>
    public IReadOnlyCollection<ulong> TrainingHashes { get; init; } = [];
    /// <summary>Decoding constraint for the reconstruction metric.</summary>
    public IDecodingConstraint? Constraint { get; init; }
    /// <summary>Device name: auto, cpu or cuda.</summary>
    public string Device { get; init; } = "auto";
    /// <summary>Notes for the model card.</summary>
    public string Notes { get; init; } = "";
    /// <summary>Reference items kept for OOD calibration and maps.</summary>
    public int ReferenceItems { get; init; } = 2000;
}
