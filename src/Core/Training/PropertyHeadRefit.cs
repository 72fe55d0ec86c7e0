// Refitting a trained model's property heads on its encoder's posterior means. During training the heads learn from
// sampled z (mean plus noise) while the workbench reads them at the mean, so a short fit on the means, with the rest of
// the network frozen, lowers their error at no cost to the latent space.
using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Workbench;
using static TorchSharp.torch;

namespace LatentWorkbench.Core.Training;

/// <summary>Settings of <see cref="PropertyHeadRefit"/>.</summary>
/// <param name="Epochs">Passes over the fitting items.</param>
/// <param name="BatchSize">Items per step.</param>
/// <param name="LearningRate">Adam's learning rate.</param>
/// <param name="SelectionItems">Training items held back to choose the best epoch (never fitted on).</param>
/// <param name="Seed">Shuffling seed.</param>
public sealed record PropertyRefitOptions(int Epochs = 6, int BatchSize = 256, double LearningRate = 5e-4, int SelectionItems = 10_000, int Seed = 1);

/// <summary>What a refit did: each property's error before and after, on the held-out items and on the selection items.</summary>
/// <param name="HeldOutBefore">Mean absolute error per property on the held-out items before the refit (property units).</param>
/// <param name="HeldOutAfter">The same after (equal to before when the refit was not kept).</param>
/// <param name="SelectionByEpoch">Mean standardised error on the selection items: before (entry 0), then after each epoch.</param>
/// <param name="BestEpoch">The epoch whose weights were kept; 0 when none beat the original heads.</param>
/// <param name="WeightsFile">The checkpoint's weights file after the refit.</param>
public sealed record PropertyRefitResult(IReadOnlyDictionary<string, double> HeldOutBefore, IReadOnlyDictionary<string, double> HeldOutAfter,
    IReadOnlyList<double> SelectionByEpoch, int BestEpoch, string WeightsFile);

/// <summary>Refits the property heads of the checkpoint in a folder on its encoder's posterior means.</summary>
public static class PropertyHeadRefit
{
    /// <summary>
    /// Fits the property heads of the model in <paramref name="folder"/> on the posterior means of
    /// <paramref name="train"/> (less <see cref="PropertyRefitOptions.SelectionItems"/> held back, spread over it, to pick
    /// the best epoch), reports the error on <paramref name="heldOut"/> before and after, and, when an epoch beat the
    /// original heads on the selection items, commits the checkpoint with the new weights (a new weights file; the commit
    /// removes the old one). Throws <see cref="InvalidOperationException"/> for a model without property
    /// heads and <see cref="InvalidDataException"/> when the data hold no readable items with property values.
    /// </summary>
    public static PropertyRefitResult Run(IDomainModule module, string folder, IReadOnlyList<TrainingRecord> train, IReadOnlyList<TrainingRecord> heldOut,
        PropertyRefitOptions? options = null, string? device = "auto", Action<string>? log = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        options ??= new PropertyRefitOptions();
        if (options.Epochs is < 1 or > 100) throw new ArgumentException($"Epochs must be between 1 and 100 (got {options.Epochs}).");
        if (options.BatchSize is < 1 or > 65_536) throw new ArgumentException($"The batch size must be between 1 and 65536 (got {options.BatchSize}).");
        using var model = LatentModel.Load(folder, device);
        var manifest = model.Manifest;
        var names = manifest.Model.PropertyNames;
        var head = model.Network.PropertyHead ?? throw new InvalidOperationException("This model has no property heads to refit.");
        var codec = new ItemCodec(module.Tokenizer, model.Vocabulary, manifest.Model.MaxLength);
        List<EncodedItem> Readable(IReadOnlyList<TrainingRecord> records, string what)
        {
            var items = TrainingPipeline.Encode(records, codec, manifest.Model, manifest.PropertyScaling, out _)
                .Where(i => i.Targets.Any(t => !float.IsNaN(t))).ToList();
            return items.Count > 0 ? items : throw new InvalidDataException($"The {what} items hold none this model can read with property values.");
        }
        var all = Readable(train, "training");
        var held = Readable(heldOut, "held-out");
        var every = Math.Max(2, all.Count / Math.Max(1, Math.Min(options.SelectionItems, all.Count / 2)));
        var selection = all.Where((_, i) => i % every == 0).ToList();
        var fitting = all.Where((_, i) => i % every != 0).ToList();
        log?.Invoke($"Encoding {fitting.Count:N0} fitting, {selection.Count:N0} selection and {held.Count:N0} held-out items.");
        float[][] Means(List<EncodedItem> items) => model.Encode(items.Select(i => i.Tokens).ToArray()).Select(c => c.Mean).ToArray();
        var (fitZ, selectZ, heldZ) = (Means(fitting), Means(selection), Means(held));
        cancellation.ThrowIfCancellationRequested();

        var before = HeldOutError(model, heldZ, held, names);
        var scores = new List<double> { StandardisedError(model, selectZ, selection) };
        log?.Invoke($"before: selection {scores[0]:0.0000}; held-out {Describe(before)}");
        foreach (var parameter in head.parameters()) parameter.requires_grad = true;
        var best = (Epoch: 0, State: Snapshot(head));
        var random = new Random(options.Seed);
        var order = Enumerable.Range(0, fitting.Count).ToArray();
        using (var optimizer = optim.Adam(head.parameters(), options.LearningRate))
        {
            for (int epoch = 1; epoch <= options.Epochs; epoch++)
            {
                random.Shuffle(order);
                for (int start = 0; start < order.Length; start += options.BatchSize)
                {
                    cancellation.ThrowIfCancellationRequested();
                    using var scope = NewDisposeScope();
                    var batch = order.Skip(start).Take(options.BatchSize).ToArray();
                    var z = model.Rows(batch.Select(i => fitZ[i]).ToArray());
                    var targets = tensor(batch.SelectMany(i => fitting[i].Targets).ToArray(), [batch.Length, names.Count], device: model.Device);
                    var known = targets.isnan().logical_not();
                    var error = (head.call(z).to(ScalarType.Float32) - targets.nan_to_num()).square() * known;
                    var loss = error.sum() / known.sum().clamp_min(1);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
                scores.Add(StandardisedError(model, selectZ, selection));
                log?.Invoke($"epoch {epoch}: selection {scores[^1]:0.0000}");
                if (scores[^1] < scores[best.Epoch]) best = (epoch, Snapshot(head));
            }
        }
        Restore(head, best.State);
        if (best.Epoch == 0)
        {
            log?.Invoke("No epoch beat the original heads; the checkpoint is unchanged.");
            return new PropertyRefitResult(before, before, scores, 0, manifest.Files.Weights);
        }
        var after = HeldOutError(model, heldZ, held, names);
        log?.Invoke($"after (epoch {best.Epoch}): held-out {Describe(after)}");
        var weights = NewWeightsName(folder, manifest.State.Step);
        CheckpointStore.WriteFileAtomically(folder, weights, p => model.Network.save(p));
        var note = $"Property heads refitted on encoder means ({fitting.Count:N0} items, epoch {best.Epoch} of {options.Epochs}); "
            + $"held-out MAE {Describe(before)} -> {Describe(after)}.";
        var committed = manifest with
        {
            Files = manifest.Files with { Weights = weights },
            Metrics = manifest.Metrics is { } metrics ? metrics with { PropertyMae = after } : null,
            Notes = string.IsNullOrWhiteSpace(manifest.Notes) ? note : $"{manifest.Notes.TrimEnd()} {note}",
        };
        CheckpointStore.Commit(folder, committed); // also removes the old weights file, which the manifest no longer names
        return new PropertyRefitResult(before, after, scores, best.Epoch, weights);
    }

    /// <summary>Mean absolute error of each property on <paramref name="items"/>, in the property's units (as <see cref="Evaluator"/> measures it).</summary>
    private static Dictionary<string, double> HeldOutError(LatentModel model, float[][] z, List<EncodedItem> items, IReadOnlyList<string> names)
    {
        var (error, count) = Errors(model, z, items);
        return Enumerable.Range(0, names.Count).Where(k => count[k] > 0).ToDictionary(k => names[k], k => error[k] / count[k]);
    }

    /// <summary>Mean absolute error over every known target in standard units (each property counts alike).</summary>
    private static double StandardisedError(LatentModel model, float[][] z, List<EncodedItem> items)
    {
        var (error, count) = Errors(model, z, items);
        var names = model.Manifest.Model.PropertyNames;
        var sum = Enumerable.Range(0, names.Count)
            .Sum(k => error[k] / (model.Manifest.PropertyScaling.GetValueOrDefault(names[k]) ?? new PropertyScale(0, 1)).Std);
        return count.Sum() == 0 ? double.NaN : sum / count.Sum();
    }

    /// <summary>Each property's summed absolute error (property units) of the heads at <paramref name="z"/>, and its targets counted.</summary>
    private static (double[] Error, long[] Count) Errors(LatentModel model, float[][] z, List<EncodedItem> items)
    {
        var names = model.Manifest.Model.PropertyNames;
        var (error, count) = (new double[names.Count], new long[names.Count]);
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        Evaluator.AddPropertyErrors(model, model.Network.PredictProperties(model.Rows(z)), [.. items], error, count);
        return (error, count);
    }

    private static string Describe(IReadOnlyDictionary<string, double> errors) =>
        string.Join(", ", errors.Select(e => $"{e.Key} {e.Value:0.0000}"));

    /// <summary>A weights file name for step <paramref name="step"/> not yet in <paramref name="folder"/>.</summary>
    private static string NewWeightsName(string folder, long step)
    {
        for (int n = 1; ; n++)
        {
            var name = $"model-s{step}-heads{n}.bin";
            if (!File.Exists(Path.Combine(folder, name))) return name;
        }
    }

    private static Dictionary<string, Tensor> Snapshot(TorchSharp.Modules.Sequential head) =>
        head.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone());

    private static void Restore(TorchSharp.Modules.Sequential head, Dictionary<string, Tensor> state)
    {
        using var _ = no_grad();
        foreach (var (name, value) in head.state_dict()) value.copy_(state[name]);
    }
}
