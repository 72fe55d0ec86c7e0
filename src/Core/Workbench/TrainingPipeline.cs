using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Models;
using LatentWorkbench.Core.Training;

namespace LatentWorkbench.Core.Workbench;

/// <summary>
/// Trains a domain's model from its data: reads and tokenizes records, builds (or reuses, when resuming) the
/// vocabulary, standardises property targets, runs <see cref="VaeTrainer"/>, and when training completes runs the one
/// <see cref="Calibration"/> step (OOD reference, novelty hashes, attribute vectors) that marks the model completed. A
/// resumed run whose training finished but whose calibration did not only calibrates.
/// </summary>
public static class TrainingPipeline
{
    /// <summary>Runs <paramref name="request"/> for <paramref name="module"/>.</summary>
    public static TrainingOutcome Train(IDomainModule module, TrainRequest request, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        var settings = request.Settings ?? module.Defaults.Training;
        var records = module.Datasets.Read(request.Data, new DatasetOptions(Augment: true, settings.Seed, request.Limit)).ToList();
        List<TrainingRecord> valid;
        if (request.Valid is not null)
        {
            valid = module.Datasets.Read(request.Valid, new DatasetOptions(false, settings.Seed)).ToList();
        }
        else
        {
            var every = Math.Max(2, (int)Math.Round(1 / Math.Clamp(request.ValidFraction, 0.001, 0.5)));
            valid = records.Where((_, i) => i % every == 0).ToList();
            records = records.Where((_, i) => i % every != 0).ToList();
        }
        if (records.Count == 0) throw new InvalidDataException($"No usable items in '{request.Data}'.");
        var config = request.Model ?? module.Defaults.Model;
        if (config.PropertyNames.Count == 0)
            config = config with { PropertyNames = records.SelectMany(r => r.Targets.Keys).Distinct().ToArray() };
        var vocabulary = CheckpointStore.Exists(request.Output)
            ? new Vocabulary(CheckpointStore.ReadManifest(request.Output).Vocabulary)
            : Vocabulary.Build(records.Select(r => module.Tokenizer.Tokenize(r.Text)).Where(t => t.Ok).Select(t => t.Tokens));
        // An event-ending token the data never uses cannot end an event (a 2/4 meter among 4/4 pieces): leave it out.
        // When none is used the list stays, and the network refuses it by name.
        var unused = config.EventEndTokens.Where(t => !vocabulary.Contains(t)).ToArray();
        var leftOut = unused.Length > 0 && unused.Length < config.EventEndTokens.Count;
        if (leftOut)
            config = config with { EventEndTokens = config.EventEndTokens.Where(vocabulary.Contains).ToArray() };
        var codec = new ItemCodec(module.Tokenizer, vocabulary, config.MaxLength);
        var scaling = config.PropertyNames.ToDictionary(p => p, p => Scale(records, p));
        var train = Encode(records, codec, config, scaling, out var dropped);
        var held = Encode(valid, codec, config, scaling, out var droppedValid);
        var notes = request.Notes + (dropped + droppedValid > 0 ? $"\n\n{dropped + droppedValid} items were skipped (unknown tokens or longer than {config.MaxLength - 1} tokens)." : "")
            + (leftOut ? $"\n\nEvent-ending tokens the data never uses were left out: {string.Join(", ", unused)}." : "");
        var run = new TrainingRun
        {
            OutputFolder = request.Output, DomainId = module.Id, Vocabulary = vocabulary, Model = config, Settings = settings,
            Train = train, Valid = held, PropertyScaling = scaling, Device = request.Device, Notes = notes.Trim(),
            DataFingerprint = Fingerprint(request.Data, records.Count),
            TrainingHashes = records.Select(r => StableHash.Of(r.Text)).ToHashSet(),
            Constraint = module.DecodingConstraint?.Create(vocabulary.Tokens, vocabulary.Specials),
        };
        var outcome = VaeTrainer.Train(run, progress, cancellation);
        if (!outcome.Completed) return outcome;
        var manifest = Calibration.Run(module, request.Output, new CalibrationRequest
        {
            Records = records, ReferenceItems = run.ReferenceItems, TrainingHashes = run.TrainingHashes, Device = request.Device,
            BeforeCommit = request.BeforeCalibrationCommit,
        });
        return outcome with { Manifest = manifest };
    }

    /// <summary>
    /// Recomputes a trained model's reference latents (OOD calibration) and attribute vectors from the data at
    /// <paramref name="data"/> (items spread evenly over it), e.g. after more data arrived or to steer by a lab's own
    /// items. With <paramref name="attributes"/>, only those attribute vectors are recomputed and the reference and
    /// the other vectors are kept. Weights, vocabulary and novelty hashes stay as they are.
    /// </summary>
    public static CheckpointManifest Recalibrate(IDomainModule module, string data, string modelFolder, string? device = "auto",
        int referenceItems = 2000, IReadOnlyCollection<string>? attributes = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        var unknown = attributes?.Where(a => module.Attributes.All(d => d.Key != a)).ToArray() ?? [];
        if (unknown.Length > 0)
            throw new ArgumentException($"Unknown attribute {string.Join(", ", unknown)}; {module.Id} has: {string.Join(", ", module.Attributes.Select(d => d.Key))}.");
        var codec = Codec(module, modelFolder);
        // Read as training reads (with its augmentation and seed), so that the same data gives the same vectors.
        var options = new DatasetOptions(Augment: true, CheckpointStore.ReadManifest(modelFolder).Training.Seed);
        var records = module.Datasets.Read(data, options).Where(r => codec.TryToIds(r.Text, out _, out _)).ToList();
        if (records.Count < 2) throw new InvalidDataException($"'{data}' holds fewer than 2 items this model can read.");
        return Calibration.Run(module, modelFolder, new CalibrationRequest { Records = records, ReferenceItems = referenceItems, Attributes = attributes, Device = device });
    }

    private static ItemCodec Codec(IDomainModule module, string modelFolder)
    {
        var manifest = CheckpointStore.ReadManifest(modelFolder);
        return new ItemCodec(module.Tokenizer, new Vocabulary(manifest.Vocabulary), manifest.Model.MaxLength);
    }

    /// <summary>Records as model inputs (standardised targets, tag index); records the codec rejects are counted in <paramref name="dropped"/>.</summary>
    public static List<EncodedItem> Encode(IReadOnlyList<TrainingRecord> records, ItemCodec codec, VaeConfig config,
        IReadOnlyDictionary<string, PropertyScale> scaling, out int dropped)
    {
        var items = new List<EncodedItem>(records.Count);
        dropped = 0;
        foreach (var r in records)
        {
            if (!codec.TryToIds(r.Text, out var ids, out _)) { dropped++; continue; }
            var targets = config.PropertyNames.Select(p => r.Targets.TryGetValue(p, out var v)
                ? (float)((v - scaling[p].Mean) / scaling[p].Std) : float.NaN).ToArray();
            var tag = r.Tags.Select(t => config.TagNames.ToList().IndexOf(t)).FirstOrDefault(i => i >= 0, -1);
            items.Add(new EncodedItem(ids, targets, tag));
        }
        return items;
    }

    private static PropertyScale Scale(IReadOnlyList<TrainingRecord> records, string property)
    {
        var values = records.Where(r => r.Targets.ContainsKey(property)).Select(r => r.Targets[property]).ToArray();
        if (values.Length == 0) return new PropertyScale(0, 1);
        var mean = values.Average();
        var std = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
        return new PropertyScale(mean, std > 1e-9 ? std : 1);
    }

    private static string Fingerprint(string path, int count)
    {
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : [path];
        var description = string.Join("|", files.Select(f => $"{Path.GetFileName(f)}:{new FileInfo(f).Length}")) + $"|{count}";
        return StableHash.Of(description).ToString("x16");
    }
}
