using LatentWorkbench.Core.Models;
using LatentWorkbench.Core.Training;

namespace LatentWorkbench.Core.Workbench;

/// <summary>What to train: data, optional held-out data, where to write, and overrides of the domain's defaults.</summary>
/// <param name="Data">Training data path (file or folder, as the domain reads it).</param>
/// <param name="Valid">Held-out data path, or null to hold out <paramref name="ValidFraction"/> of the training data.</param>
/// <param name="Output">Checkpoint folder (resumed when it holds an unfinished run).</param>
/// <param name="Model">Network sizes, or null for the domain's defaults.</param>
/// <param name="Settings">Training settings, or null for the domain's defaults.</param>
/// <param name="Device">auto, cpu or cuda.</param>
/// <param name="ValidFraction">Share held out when <paramref name="Valid"/> is null.</param>
/// <param name="Limit">Read at most this many training records (0 = all).</param>
/// <param name="Notes">Text for the model card (e.g. data provenance).</param>
/// <param name="BeforeCalibrationCommit">See <see cref="CalibrationRequest.BeforeCommit"/> (tests simulate a crash with it).</param>
public sealed record TrainRequest(string Data, string? Valid, string Output, VaeConfig? Model = null, TrainingSettings? Settings = null,
    string Device = "auto", double ValidFraction = 0.05, int Limit = 0, string Notes = "",
    Action<Checkpoints.CheckpointManifest>? BeforeCalibrationCommit = null);
