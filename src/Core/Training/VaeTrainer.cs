// Trains a sequence VAE: AdamW, warm-up + cosine learning rate, KL schedule with free bits, length-bucketed
// batches, validation each epoch, atomic resumable checkpoints. Knows nothing about the domain.
using System.Diagnostics;
using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Models;
using LatentWorkbench.Core.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LatentWorkbench.Core.Training;

/// <summary>Result of a training call.</summary>
/// <param name="Manifest">The last committed manifest.</param>
/// <param name="Completed">
/// Whether all planned epochs are done (false after cancellation or a step limit). From <see cref="VaeTrainer"/> the
/// manifest is then trained but not yet calibrated; <see cref="Workbench.TrainingPipeline"/> calibrates and marks it completed.
/// </param>
public sealed record TrainingOutcome(CheckpointManifest Manifest, bool Completed);

/// <summary>Runs (or resumes) a <see cref="TrainingRun"/> and reports through <see cref="IProgress{T}"/>.</summary>
public static class VaeTrainer
{
    private const int ReportEverySteps = 20;

    /// <summary>
    /// Trains until the planned epochs are done, <see cref="TrainingSettings.MaxStepsThisRun"/> is reached, or
    /// <paramref name="cancellation"/> fires (a checkpoint is written first, so the run can resume). The manifest is never
    /// marked completed here: that is <see cref="Workbench.Calibration"/>'s one commit. The optimizer state lives in the
    /// output's <see cref="CheckpointStore.RunStateFolder"/>; a checkpoint without one resumes with a fresh optimizer and
    /// <see cref="TrainingSettings.ResumeWarmupSteps"/> of learning-rate warm-up.
    /// </summary>
    public static TrainingOutcome Train(TrainingRun run, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        var s = run.Settings;
        if (run.Train.Count == 0) throw new ArgumentException("The training set is empty.");
        if (run.Valid.Count == 0) throw new ArgumentException("The validation set is empty.");
        var device = DeviceSelector.Resolve(run.Device);
        var resumed = TryResume(run, device);
        random.manual_seed(s.Seed);
        var network = resumed?.Network ?? new SequenceVae(run.Model, run.Vocabulary);
        network.to(device);
        var manifest = resumed?.Manifest ?? NewManifest(run);
        using var model = new LatentModel(manifest, network, device, run.OutputFolder);
        var optimizer = optim.AdamW(network.parameters(), s.LearningRate, weight_decay: s.WeightDecay);
        using var step = new TrainingStep(network, optimizer, s, device, s.ScheduledSampling > 0 ? new ScheduledSampling(run.Vocabulary, network.StartsEvent) : null);
        var optimizerState = resumed is null ? null : OptimizerState(run.OutputFolder, manifest);
        if (optimizerState is not null) optimizer.load_state_dict(optimizerState);
        var state = manifest.State;
        // Resumed without optimizer state (a shipped model): Adam's moments start from zero, so the rate warms up again.
        long rewarmFrom = resumed is not null && optimizerState is null ? state.Step : -1;
        long batchesPerEpoch = LengthBucketBatcher.Batches(run.Train, s.BatchSize, s.Seed, 0).Count;
        long totalSteps = batchesPerEpoch * s.Epochs;
        double Rate(long at) => Schedules.LearningRate(s, at, totalSteps) * (rewarmFrom >= 0 ? Schedules.Rewarm(s, at - rewarmFrom) : 1);
        var clock = Stopwatch.StartNew();
        var window = new RunningWindow();
        long stepsThisRun = 0;
        for (int epoch = state.EpochsDone; epoch < s.Epochs; epoch++)
        {
            var batches = LengthBucketBatcher.Batches(run.Train, s.BatchSize, s.Seed, epoch);
            var dropout = new Random(HashCode.Combine(s.Seed, epoch, 17));
            network.train();
            for (int b = state.StepInEpoch; b < batches.Count; b++)
            {
                if (cancellation.IsCancellationRequested || (s.MaxStepsThisRun > 0 && stepsThisRun >= s.MaxStepsThisRun))
                {
                    manifest = Save(model, optimizer, run, manifest, state with { Seconds = state.Seconds + clock.Elapsed.TotalSeconds });
                    return new TrainingOutcome(manifest, false);
                }
                var klWeight = Schedules.KlWeight(s, state.Step);
                var lr = Rate(state.Step);
                foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
                using (var scope = NewDisposeScope())
                {
                    var items = batches[b].Select(i => run.Train[i]).ToArray();
                    var batch = TrainingBatch.Build(items, run.Model.PropertyNames.Count, run.Model.TagNames.Count > 0, s.WordDropout, dropout, device, kept: network.StartsEvent);
                    var terms = step.Run(batch, klWeight, Schedules.SamplingRate(s, state.Step));
                    window.Add(terms.Total.item<float>(), terms.Kl.item<float>(), terms.CorrectTokens.item<long>(), terms.TargetTokens.item<long>());
                }
                state = state with { Step = state.Step + 1, StepInEpoch = b + 1 };
                stepsThisRun++;
                if (state.Step % ReportEverySteps == 0)
                    progress?.Report(window.Report(epoch, s, state.Step, totalSteps, klWeight, lr, clock.Elapsed, stepsThisRun));
                if (s.CheckpointEverySteps > 0 && state.Step % s.CheckpointEverySteps == 0)
                    manifest = Save(model, optimizer, run, manifest, state with { Seconds = state.Seconds + clock.Elapsed.TotalSeconds });
            }
            model.WeightsChanged();
            var metrics = Evaluator.Evaluate(model, run.Valid, run.Constraint, s.ValidationReconstructionLimit, cancellation);
            state = state with { EpochsDone = epoch + 1, StepInEpoch = 0 };
            manifest = manifest with { Metrics = metrics, History = [.. manifest.History, metrics] };
            var elapsed = state.Seconds + clock.Elapsed.TotalSeconds;
            manifest = Save(model, optimizer, run, manifest, state with { Seconds = elapsed, Completed = false });
            state = manifest.State with { Seconds = state.Seconds };
            progress?.Report(window.Report(epoch, s, state.Step, totalSteps, Schedules.KlWeight(s, state.Step), Rate(state.Step), clock.Elapsed, stepsThisRun) with
            {
                Validation = metrics,
                Warning = metrics.LooksCollapsed
                    ? $"POSTERIOR COLLAPSE: KL {metrics.Kl:0.00} nats, {metrics.ActiveUnits} active units. The decoder ignores z; raise free bits, lower the KL weight or add word dropout."
                    : null,
                Message = $"epoch {epoch + 1}/{s.Epochs}: token accuracy {metrics.TokenAccuracy:0.000}, exact {metrics.ExactReconstruction:0.000}, KL {metrics.Kl:0.0}, active {metrics.ActiveUnits}/{run.Model.LatentSize}",
            });
        }
        return new TrainingOutcome(manifest, true);
    }

    private static CheckpointManifest NewManifest(TrainingRun run) => new()
    {
        DomainId = run.DomainId, Vocabulary = run.Vocabulary.Tokens, Model = run.Model, Training = run.Settings,
        PropertyScaling = run.PropertyScaling, DataFingerprint = run.DataFingerprint, TrainingItems = run.Train.Count,
        Notes = run.Notes, TorchSharpVersion = typeof(torch).Assembly.GetName().Version?.ToString() ?? "",
    };

    /// <summary>The unfinished checkpoint of the same model in the output folder, if any.</summary>
    private static (SequenceVae Network, CheckpointManifest Manifest)? TryResume(TrainingRun run, Device device)
    {
        if (!CheckpointStore.Exists(run.OutputFolder)) return null;
        CheckpointStore.RemoveStaleTemporaryFiles(run.OutputFolder);
        var manifest = CheckpointStore.ReadManifest(run.OutputFolder);
        if (!SameSizes(manifest.Model, run.Model) || !manifest.Vocabulary.SequenceEqual(run.Vocabulary.Tokens))
            throw new InvalidOperationException($"'{run.OutputFolder}' holds a different model; choose an empty folder to train a new one.");
        if (manifest.State.Completed && manifest.State.EpochsDone >= run.Settings.Epochs)
            throw new InvalidOperationException($"'{run.OutputFolder}' already holds a model trained for {manifest.State.EpochsDone} epochs; ask for more epochs to continue it, or choose another folder.");
        var network = new SequenceVae(manifest.Model, new Vocabulary(manifest.Vocabulary));
        network.load(Path.Combine(run.OutputFolder, manifest.Files.Weights));
        network.to(device);
        return (network, manifest with { Training = run.Settings, State = manifest.State with { Completed = false } });
    }

    private static bool SameSizes(VaeConfig a, VaeConfig b) =>
        a.EmbeddingSize == b.EmbeddingSize && a.EncoderHidden == b.EncoderHidden && a.EncoderLayers == b.EncoderLayers
        && a.LatentSize == b.LatentSize && a.DecoderHidden == b.DecoderHidden && a.PropertyHeadHidden == b.PropertyHeadHidden
        && a.PropertyNames.SequenceEqual(b.PropertyNames) && a.TagNames.SequenceEqual(b.TagNames) && a.EventEndTokens.SequenceEqual(b.EventEndTokens);

    /// <summary>
    /// The optimizer state of the checkpoint in <paramref name="folder"/>: the run's own (<see cref="CheckpointStore.RunStateFolder"/>),
    /// else one a checkpoint written before that folder names, else null (a shipped model: the optimizer starts afresh).
    /// </summary>
    private static string? OptimizerState(string folder, CheckpointManifest manifest)
    {
        var kept = Path.Combine(folder, CheckpointStore.RunStateFolder, OptimizerFile(manifest.State.Step));
        if (File.Exists(kept)) return kept;
        var named = Path.Combine(folder, manifest.Files.Optimizer);
        return manifest.Files.Optimizer.Length > 0 && File.Exists(named) ? named : null;
    }

    private static string OptimizerFile(long step) => $"optimizer-s{step}.bin";

    /// <summary>
    /// Up to <paramref name="count"/> items spread evenly over <paramref name="items"/> (every n-th), so that a sample of
    /// a data set read in file order still covers all of it (e.g. every style of a music folder).
    /// </summary>
    public static IReadOnlyList<T> Spread<T>(IReadOnlyList<T> items, int count)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (count <= 0) return [];
        if (items.Count <= count) return items;
        return Enumerable.Range(0, count).Select(i => items[(int)((long)i * items.Count / count)]).ToArray();
    }

    private static CheckpointManifest Save(LatentModel model, OptimizerHelper optimizer, TrainingRun run, CheckpointManifest manifest, TrainingState state)
    {
        var weights = $"model-s{state.Step}.bin";
        var optimizerFile = OptimizerFile(state.Step);
        var runState = Path.Combine(run.OutputFolder, CheckpointStore.RunStateFolder);
        CheckpointStore.WriteFileAtomically(run.OutputFolder, weights, p => model.Network.save(p));
        CheckpointStore.WriteFileAtomically(runState, optimizerFile, p => optimizer.save_state_dict(p));
        var next = manifest with
        {
            State = state, Files = manifest.Files with { Weights = weights, Optimizer = "" }, WrittenUtc = DateTime.UtcNow,
        };
        CheckpointStore.Commit(run.OutputFolder, next);
        // Only now is the older optimizer state no longer the committed checkpoint's.
        foreach (var old in Directory.EnumerateFiles(runState, "optimizer-s*.bin").Where(f => Path.GetFileName(f) != optimizerFile))
            File.Delete(old);
        model.Manifest = next;
        return next;
    }

    /// <summary>Running means of the last reported steps.</summary>
    private sealed class RunningWindow
    {
        private double _loss, _kl;
        private long _correct, _tokens, _steps, _allTokens;

        public void Add(double loss, double kl, long correct, long tokens)
        {
            _loss += loss; _kl += kl; _correct += correct; _tokens += tokens; _allTokens += tokens; _steps++;
        }

        public TrainingProgress Report(int epoch, TrainingSettings s, long step, long total, double klWeight, double lr, TimeSpan elapsed, long stepsThisRun)
        {
            var perSecond = _allTokens / Math.Max(1e-9, elapsed.TotalSeconds);
            var stepsPerSecond = stepsThisRun / Math.Max(1e-9, elapsed.TotalSeconds);
            var report = new TrainingProgress
            {
                Epoch = epoch + 1, Epochs = s.Epochs, Step = step, TotalSteps = total, Loss = _loss / Math.Max(1, _steps),
                Kl = _kl / Math.Max(1, _steps), TokenAccuracy = (double)_correct / Math.Max(1, _tokens), KlWeight = klWeight,
                LearningRate = lr, TokensPerSecond = perSecond,
                Eta = TimeSpan.FromSeconds(stepsPerSecond > 0 ? (total - step) / stepsPerSecond : 0),
            };
            _loss = _kl = 0; _correct = _tokens = _steps = 0;
            return report with { Message = $"epoch {report.Epoch}/{report.Epochs} step {step}/{total} loss {report.Loss:0.000} KL {report.Kl:0.00} acc {report.TokenAccuracy:0.000}" };
        }
    }
}
