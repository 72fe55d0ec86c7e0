// Held-out metrics of a sequence VAE: teacher-forced accuracy, KL, active units (Burda et al. 2016), greedy
// exact reconstruction of the posterior mean, property-head MAE and tag accuracy.
using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Latent.Decoding;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LatentWorkbench.Core.Training;

/// <summary>Measures <see cref="ValidationMetrics"/> of a model on encoded items.</summary>
public static class Evaluator
{
    /// <summary>Variance threshold of the posterior mean above which a latent dimension counts as active.</summary>
    public const double ActiveUnitVariance = 0.01;

    /// <summary>Metrics over <paramref name="items"/>; greedy reconstruction uses the first <paramref name="reconstructionLimit"/> (0 = all).</summary>
    public static ValidationMetrics Evaluate(LatentModel model, IReadOnlyList<EncodedItem> items,
        IDecodingConstraint? constraint, int reconstructionLimit, CancellationToken cancellation = default) =>
        Run(model, items, constraint, reconstructionLimit, cancellation).Metrics;

    /// <summary>
    /// As <see cref="Evaluate"/>, also returning the greedy reconstructions (one per item of the first
    /// <paramref name="reconstructionLimit"/>, in order) for domain metrics such as note F1.
    /// </summary>
    public static EvaluationReport Run(LatentModel model, IReadOnlyList<EncodedItem> items,
        IDecodingConstraint? constraint, int reconstructionLimit, CancellationToken cancellation = default)
    {
        if (items.Count == 0) throw new ArgumentException("There are no items to evaluate.");
        var network = model.Network;
        var wasTraining = network.training;
        network.eval();
        var config = model.Manifest.Model;
        double reconstruction = 0, kl = 0;
        long correct = 0, targetTokens = 0, tagCorrect = 0, tagged = 0;
        var propertyError = new double[config.PropertyNames.Count];
        var propertyCount = new long[config.PropertyNames.Count];
        var means = new float[items.Count][];
        var vocabularySize = model.Vocabulary.Count;
        long[] forcedCorrect = new long[vocabularySize], forcedTotal = new long[vocabularySize];
        using (no_grad())
        {
            foreach (var chunk in LatentModel.ByLength(items.Select(i => i.Tokens).ToArray()))
            {
                cancellation.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var batchItems = chunk.Select(i => items[i]).ToArray();
                var batch = TrainingBatch.Build(batchItems, config.PropertyNames.Count, config.TagNames.Count > 0, 0, new Random(0), model.Device);
                var (mu, logvar) = network.Encode(batch.Encoder, batch.Lengths);
                var logits = network.DecodeTeacherForced(mu, batch.DecoderInput);
                reconstruction += functional.cross_entropy(logits.reshape(-1, logits.shape[2]), batch.Target.reshape(-1),
                    ignore_index: 0, reduction: Reduction.Sum).item<float>();
                kl += (-0.5 * (1 + logvar - mu.square() - logvar.exp())).sum().item<float>();
                var mask = batch.Target.ne(0);
                var hits = logits.argmax(-1).eq(batch.Target).logical_and(mask);
                correct += hits.sum().item<long>();
                targetTokens += mask.sum().item<long>();
                foreach (var id in batch.Target.masked_select(mask).cpu().data<long>()) forcedTotal[id]++;
                foreach (var id in batch.Target.masked_select(hits).cpu().data<long>()) forcedCorrect[id]++;
                var rows = LatentModel.ToRows(mu);
                for (int k = 0; k < chunk.Length; k++) means[chunk[k]] = rows[k];
                AddPropertyErrors(model, network.PredictProperties(mu), batchItems, propertyError, propertyCount);
                if (network.PredictTags(mu) is { } tagLogits && batch.Tags is { } tags)
                {
                    var known = tags.ge(0);
                    tagged += known.sum().item<long>();
                    tagCorrect += tagLogits.argmax(1).eq(tags).logical_and(known).sum().item<long>();
                }
            }
        }
        var limit = reconstructionLimit > 0 ? Math.Min(reconstructionLimit, items.Count) : items.Count;
        var decoded = model.Decode(means.Take(limit).ToArray(), DecodeOptions.Default, constraint);
        var exact = decoded.Zip(items.Take(limit)).Count(p => p.First.Finished && p.First.TokenIds.AsSpan().SequenceEqual(p.Second.Tokens));
        var greedySteps = decoded.Zip(items.Take(limit)).Sum(p => MatchingSteps(p.First, p.Second.Tokens));
        long[] greedyCorrect = new long[vocabularySize], greedyTotal = new long[vocabularySize];
        foreach (var (sequence, item) in decoded.Zip(items.Take(limit)))
            TallyGreedy(sequence, item.Tokens, model.Vocabulary.Specials.Eos, greedyCorrect, greedyTotal);
        var targetSteps = items.Take(limit).Sum(i => i.Tokens.Length + 1L);
        var active = ActiveUnits(means);
        if (wasTraining) network.train();
        var mae = new Dictionary<string, double>();
        for (int k = 0; k < propertyError.Length; k++)
            if (propertyCount[k] > 0) mae[config.PropertyNames[k]] = propertyError[k] / propertyCount[k];
        var metrics = new ValidationMetrics(
            (reconstruction + kl) / items.Count, reconstruction / Math.Max(1, targetTokens), kl / items.Count,
            (double)correct / Math.Max(1, targetTokens), (double)exact / limit, active, (double)active / config.LatentSize,
            mae, tagged > 0 ? (double)tagCorrect / tagged : null, items.Count, (double)greedySteps / Math.Max(1, targetSteps));
        var byToken = Enumerable.Range(0, vocabularySize)
            .Select(id => new TokenTally(forcedCorrect[id], forcedTotal[id], greedyCorrect[id], greedyTotal[id])).ToArray();
        return new EvaluationReport(metrics, decoded, byToken);
    }

    /// <summary>Adds one greedy decode to per-token tallies, position by position as <see cref="MatchingSteps"/> counts.</summary>
    private static void TallyGreedy(DecodedSequence decoded, int[] target, int eos, long[] correct, long[] total)
    {
        var ids = decoded.TokenIds;
        for (int i = 0; i < target.Length; i++)
        {
            total[target[i]]++;
            if (i < ids.Length && ids[i] == target[i]) correct[target[i]]++;
        }
        total[eos]++;
        if (decoded.Finished && ids.Length == target.Length) correct[eos]++;
    }

    /// <summary>
    /// Steps where <paramref name="decoded"/> agrees with <paramref name="target"/> position by position, the end token
    /// (position <c>target.Length</c>) included: it matches when the decode finished there.
    /// </summary>
    public static long MatchingSteps(DecodedSequence decoded, ReadOnlySpan<int> target)
    {
        var ids = decoded.TokenIds;
        long matching = 0;
        for (int i = 0; i < target.Length && i < ids.Length; i++)
            if (ids[i] == target[i]) matching++;
        if (decoded.Finished && ids.Length == target.Length) matching++;
        return matching;
    }

    /// <summary>Dimensions whose posterior-mean variance across items exceeds <see cref="ActiveUnitVariance"/>.</summary>
    public static int ActiveUnits(IReadOnlyList<float[]> means)
    {
        if (means.Count < 2) return 0;
        int active = 0;
        for (int d = 0; d < means[0].Length; d++)
        {
            double mean = 0, square = 0;
            foreach (var m in means) { mean += m[d]; square += (double)m[d] * m[d]; }
            mean /= means.Count;
            if (square / means.Count - mean * mean > ActiveUnitVariance) active++;
        }
        return active;
    }

    /// <summary>
    /// Adds each property's absolute errors, in the property's units, of the heads' standardised predictions
    /// <paramref name="predicted"/> (rows follow <paramref name="items"/>) to <paramref name="error"/>, and the targets
    /// counted to <paramref name="count"/>; unknown targets are skipped.
    /// </summary>
    internal static void AddPropertyErrors(LatentModel model, Tensor? predicted, EncodedItem[] items, double[] error, long[] count)
    {
        if (predicted is null) return;
        var rows = LatentModel.ToRows(predicted);
        var names = model.Manifest.Model.PropertyNames;
        for (int i = 0; i < items.Length; i++)
            for (int k = 0; k < names.Count; k++)
            {
                if (float.IsNaN(items[i].Targets[k])) continue;
                var std = model.Manifest.PropertyScaling.TryGetValue(names[k], out var s) ? s.Std : 1;
                error[k] += Math.Abs(rows[i][k] - items[i].Targets[k]) * std; // standardised difference back in units
                count[k]++;
            }
    }
}
