// Evaluation of a trained model (the figures of `latent evaluate`, the Models page and the benches): held-out
// reconstruction and accuracy (Evaluator), validity, uniqueness and novelty of prior samples (as in MOSES, Polykovskiy
// et al. 2020), optional encoder-consistent reconstruction, and the domain evaluator's own figures.
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Latent.Decoding;
using LatentWorkbench.Core.Training;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Core.Evaluation;

/// <summary>Measures a <see cref="DomainModel"/> on held-out records; the one place these figures are computed.</summary>
public static class ModelEvaluation
{
    /// <summary>
    /// Evaluates <paramref name="model"/> on <paramref name="records"/> (those it cannot read are left out). Throws
    /// <see cref="InvalidDataException"/> naming <see cref="ModelEvaluationOptions.DataName"/> when it can read none,
    /// <see cref="ArgumentException"/> for a sample count outside 0..<see cref="ModelEvaluationOptions.MaxSamples"/>,
    /// and <see cref="OperationCanceledException"/> between phases once <paramref name="cancellation"/> fires.
    /// </summary>
    public static ModelEvaluationResult Run(DomainModel model, IReadOnlyList<TrainingRecord> records, ModelEvaluationOptions? options = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(records);
        options ??= new ModelEvaluationOptions();
        if (options.Samples is < 0 or > ModelEvaluationOptions.MaxSamples)
            throw new ArgumentException($"The sample count must be between 0 and {ModelEvaluationOptions.MaxSamples} (got {options.Samples}).");
        var manifest = model.Model.Manifest;
        var items = TrainingPipeline.Encode(records, model.Codec, manifest.Model, manifest.PropertyScaling, out _);
        if (items.Count == 0) throw new InvalidDataException($"None of the items in '{options.DataName}' can be read by this model.");
        var vocabulary = model.Model.Vocabulary;
        var report = Evaluator.Run(model.Model, items, model.Module.DecodingConstraint?.Create(vocabulary.Tokens, vocabulary.Specials), 0, cancellation);
        cancellation.ThrowIfCancellationRequested();
        var points = options.Samples > 0 ? model.Sample(options.Samples, seed: options.Seed) : [];
        var valid = points.Where(p => p.Valid).ToArray();
        var distinct = valid.Select(p => p.Text).Distinct().ToArray();
        var novel = distinct.Count(t => model.Model.IsNovel(t) == true);
        cancellation.ThrowIfCancellationRequested();
        var inputs = items.Select(i => model.Codec.ToText(i.Tokens)).ToArray();
        Dictionary<string, double>? consistent = null;
        string?[]? consistentTexts = null;
        if (options.Consistent)
        {
            consistentTexts = ConsistentReconstructions(model, items);
            consistent = new Dictionary<string, double> { ["recon_exact"] = (double)inputs.Zip(consistentTexts).Count(p => p.Second == p.First) / items.Count };
        }
        var figures = new Dictionary<string, double>();
        IReadOnlyDictionary<string, KindAccuracy> byKind = new Dictionary<string, KindAccuracy>();
        if (model.Module.Evaluator is { } evaluator)
        {
            foreach (var (key, value) in evaluator.Evaluate(points.Select(p => p.Valid ? p.Text : null).ToArray(), records.Select(r => r.Text).ToArray()))
                figures[key] = value;
            var decoded = report.Reconstructions.Select(d => model.Module.Validator.Validate(model.Codec.ToText(d.TokenIds)) is { IsValid: true } r ? r.Canonical : null).ToArray();
            foreach (var (key, value) in evaluator.EvaluateReconstructions(inputs, decoded, report.Metrics))
                figures[key] = value;
            if (consistent is not null && consistentTexts is not null)
                foreach (var (key, value) in evaluator.EvaluateReconstructions(inputs, consistentTexts, report.Metrics))
                    consistent[key] = value;
            byKind = report.ByKind(vocabulary.Tokens, evaluator.TokenKind, vocabulary.Specials.Eos);
        }
        return new ModelEvaluationResult(model.Module.Id, items.Count, points.Count,
            points.Count == 0 ? double.NaN : (double)valid.Length / points.Count,
            valid.Length == 0 ? double.NaN : (double)distinct.Length / valid.Length,
            distinct.Length == 0 ? double.NaN : (double)novel / distinct.Length,
            report.Metrics, consistent, figures, byKind);
    }

    /// <summary>Canonical text of each item's posterior mean decoded with <see cref="DecodeOptions.ConsistentDefault"/> (null when invalid).</summary>
    private static string?[] ConsistentReconstructions(DomainModel model, IReadOnlyList<EncodedItem> items)
    {
        var means = model.Model.Encode(items.Select(i => i.Tokens).ToArray()).Select(c => c.Mean).ToArray();
        return model.Decode(means, DecodeOptions.ConsistentDefault).Select(p => p.Valid ? p.Text : null).ToArray();
    }
}
