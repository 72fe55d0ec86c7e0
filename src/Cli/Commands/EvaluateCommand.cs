using System.CommandLine;
using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Latent.Decoding;
using LatentWorkbench.Core.Training;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Cli.Commands;

/// <summary>
/// <c>latent evaluate --domain ID [--model DIR] --data HELDOUT --samples N [--json OUT]</c>: held-out reconstruction,
/// KL, active units and property MAE, plus validity, uniqueness and novelty of N prior samples.
/// </summary>
public static class EvaluateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var data = new Option<string>("--data") { Description = "Held-out data", Required = true };
        var samples = new Option<int>("--samples") { Description = "Prior samples for validity/uniqueness/novelty", DefaultValueFactory = _ => 1000 };
        var limit = new Option<int>("--limit") { Description = "Use at most this many held-out items", DefaultValueFactory = _ => 5000 };
        var save = new Option<bool>("--save") { Description = "Store the figures with the model and add them to its model card" };
        var consistent = new Option<bool>("--consistent")
        {
            Description = "Also measure reconstruction with encoder-consistent decoding: a \"consistent\" object with recon_exact and the domain's reconstruction figures (a beam search per item the greedy decode misses)",
        };
        var command = new Command("evaluate", "Measure a model on held-out data") { data, samples, limit, consistent, save };
        command.WithModelOptions();
        command.SetAction(parse =>
        {
            using var model = context.OpenModel(parse);
            var records = model.Module.Datasets.Read(parse.GetRequiredValue(data), new DatasetOptions(Limit: Math.Max(1, parse.GetValue(limit)))).ToList();
            var items = Encodable(model, records);
            if (items.Count == 0) throw new InvalidDataException($"None of the items in '{parse.GetRequiredValue(data)}' can be read by this model.");
            var report = Evaluator.Run(model.Model, items, model.Module.DecodingConstraint?.Create(model.Model.Vocabulary.Tokens, model.Model.Vocabulary.Specials), 0);
            var metrics = report.Metrics;
            var n = parse.GetValue(samples);
            var points = n > 0 ? model.Sample(n, seed: 1) : [];
            var valid = points.Where(p => p.Valid).ToArray();
            var distinct = valid.Select(p => p.Text).Distinct().ToArray();
            var novel = distinct.Count(t => model.Model.IsNovel(t) == true);
            var json = new Dictionary<string, object?>
            {
                ["domain"] = model.Module.Id, ["items"] = items.Count, ["samples"] = points.Count,
                ["valid"] = points.Count == 0 ? double.NaN : (double)valid.Length / points.Count,
                ["unique"] = valid.Length == 0 ? double.NaN : (double)distinct.Length / valid.Length,
                ["novelty"] = distinct.Length == 0 ? double.NaN : (double)novel / distinct.Length,
                ["recon_exact"] = metrics.ExactReconstruction, ["token_accuracy_teacher_forced"] = metrics.TokenAccuracy,
                ["token_accuracy_greedy"] = metrics.GreedyTokenAccuracy,
                ["kl"] = metrics.Kl, ["active_units"] = metrics.ActiveUnits, ["active_units_fraction"] = metrics.ActiveUnitsFraction,
                ["reconstruction_nats_per_token"] = metrics.ReconstructionPerToken,
                ["property_mae"] = metrics.PropertyMae.ToDictionary(kv => kv.Key.ToLowerInvariant(), kv => kv.Value),
                ["tag_accuracy"] = metrics.TagAccuracy,
            };
            var consistentTexts = parse.GetValue(consistent) ? ConsistentReconstructions(model, items) : null;
            var consistentFigures = new Dictionary<string, double>();
            if (consistentTexts is not null)
            {
                consistentFigures["recon_exact"] = (double)items.Zip(consistentTexts).Count(p => p.Second == model.Codec.ToText(p.First.Tokens)) / items.Count;
                json["consistent"] = consistentFigures;
            }
            if (model.Module.Evaluator is { } evaluator)
            {
                foreach (var (key, value) in evaluator.Evaluate(points.Select(p => p.Valid ? p.Text : null).ToArray(), records.Select(r => r.Text).ToArray()))
                    json[key] = value;
                var inputs = items.Select(i => model.Codec.ToText(i.Tokens)).ToArray();
                var decoded = report.Reconstructions.Select(d => model.Module.Validator.Validate(model.Codec.ToText(d.TokenIds)) is { IsValid: true } r ? r.Canonical : null).ToArray();
                foreach (var (key, value) in evaluator.EvaluateReconstructions(inputs, decoded, metrics))
                    json[key] = value;
                if (consistentTexts is not null)
                    foreach (var (key, value) in evaluator.EvaluateReconstructions(inputs, consistentTexts, metrics))
                        consistentFigures[key] = value;
                var byKind = report.ByKind(model.Model.Vocabulary.Tokens, evaluator.TokenKind, model.Model.Vocabulary.Specials.Eos);
                if (byKind.Count > 1)
                    json["token_accuracy_by_kind"] = byKind.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, double>)new Dictionary<string, double>
                    {
                        ["teacher_forced"] = kv.Value.TeacherForced, ["greedy"] = kv.Value.Greedy, ["share"] = kv.Value.Share,
                    });
            }
            if (parse.GetValue(save) && model.Model.Folder is { } folder)
            {
                CheckpointStore.WriteFileAtomically(folder, CheckpointStore.EvaluationFile, p => File.WriteAllText(p, JsonOutput.Serialize(json)));
                CheckpointStore.RenderCard(folder, model.Model.Manifest);
            }
            context.Write(parse, json, w => { foreach (var (k, v) in json) w.WriteLine($"{k,-32} {Format(v)}"); });
            return CliErrors.Ok;
        });
        return command;
    }

    /// <summary>Canonical text of each item's posterior mean decoded with <see cref="DecodeOptions.ConsistentDefault"/> (null when invalid).</summary>
    private static string?[] ConsistentReconstructions(DomainModel model, IReadOnlyList<EncodedItem> items)
    {
        var means = model.Model.Encode(items.Select(i => i.Tokens).ToArray()).Select(c => c.Mean).ToArray();
        return model.Decode(means, DecodeOptions.ConsistentDefault).Select(p => p.Valid ? p.Text : null).ToArray();
    }

    private static List<EncodedItem> Encodable(DomainModel model, IReadOnlyList<TrainingRecord> records) =>
        TrainingPipeline.Encode(records, model.Codec, model.Model.Manifest.Model, model.Model.Manifest.PropertyScaling, out _);

    private static string Format(object? v) => v switch
    {
        double d => d.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture),
        IReadOnlyDictionary<string, double> m => string.Join(", ", m.Select(kv => $"{kv.Key}={kv.Value:0.0000}")),
        IDictionary<string, IReadOnlyDictionary<string, double>> nested => string.Join("; ", nested.Select(kv => $"{kv.Key}: {Format(kv.Value)}")),
        null => "-",
        _ => v.ToString() ?? "",
    };
}
