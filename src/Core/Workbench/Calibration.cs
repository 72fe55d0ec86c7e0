// Post-training calibration: the out-of-distribution reference (k-NN distance to training latents, threshold at the
// training items' own spread), novelty hashes, and attribute vectors (MusicVAE, Roberts et al. 2018), in one commit.
using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Training;

namespace LatentWorkbench.Core.Workbench;

/// <summary>
/// Calibrates a checkpoint folder: writes the reference latents and novelty hashes beside the weights, computes the
/// attribute vectors, and commits the manifest once. That commit is the only one that marks a trained model completed,
/// so a crash before it leaves a trained, uncalibrated checkpoint that the next <c>latent train</c> calibrates.
/// </summary>
public static class Calibration
{
    /// <summary>Neighbours of the OOD score.</summary>
    public const int OodNeighbours = 10;

    /// <summary>Calibrates the checkpoint in <paramref name="folder"/> for <paramref name="module"/>; returns the committed manifest.</summary>
    public static CheckpointManifest Run(IDomainModule module, string folder, CalibrationRequest request)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(request);
        using var model = LatentModel.Load(folder, request.Device);
        var codec = new ItemCodec(module.Tokenizer, model.Vocabulary, model.Manifest.Model.MaxLength);
        var records = request.Records.Where(r => codec.TryToIds(r.Text, out _, out _)).ToList();
        var manifest = model.Manifest;
        var reference = VaeTrainer.Spread(records, request.ReferenceItems);
        // Posterior means of the reference items: the OOD reference and the attribute vectors' inputs.
        var latents = model.Encode(reference.Select(r => codec.ToIds(r.Text)).ToArray()).Select(c => c.Mean).ToArray();
        if (request.Attributes is null)
            manifest = WriteReference(folder, manifest, latents);
        if (request.TrainingHashes is { Count: > 0 } hashes)
        {
            var hashFile = $"training-hashes-s{manifest.State.Step}.bin";
            CheckpointStore.WriteFileAtomically(folder, hashFile, p => CheckpointStore.WriteHashes(p, hashes));
            manifest = manifest with { Files = manifest.Files with { TrainingHashes = hashFile } };
        }
        if (module.Attributes.Count > 0 || request.Attributes is not null)
        {
            manifest = manifest with
            {
                AttributeVectors = AttributeVectors.Build(module, manifest.Model, reference, latents, manifest.AttributeVectors, request.Attributes),
            };
        }
        var trained = manifest.State.Completed || manifest.State.EpochsDone >= manifest.Training.Epochs;
        manifest = manifest with { State = manifest.State with { Completed = trained } };
        request.BeforeCommit?.Invoke(manifest);
        CheckpointStore.Commit(folder, manifest);
        return manifest;
    }

    /// <summary>
    /// Writes <paramref name="reference"/> (posterior means, for OOD scores) beside the checkpoint and returns the
    /// manifest with the file and the calibrated threshold (not yet committed).
    /// </summary>
    private static CheckpointManifest WriteReference(string folder, CheckpointManifest manifest, float[][] reference)
    {
        var referenceFile = $"reference-s{manifest.State.Step}.bin";
        CheckpointStore.WriteFileAtomically(folder, referenceFile, p => CheckpointStore.WriteMatrix(p, reference));
        return manifest with
        {
            Files = manifest.Files with { Reference = referenceFile },
            Ood = new OodCalibration(OodNeighbours, OutOfDistribution.Calibrate(reference, OodNeighbours)),
        };
    }
}
