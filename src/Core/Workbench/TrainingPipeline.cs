using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Models;
using LatentWorkbench.Core.Training;

namespace LatentWorkbench.Core.Workbench;

/// <summary>
/// Trains a domain's model from its data: reads and tokenizes records, builds (or reuses, when resuming) the
/// vocabulary, standardises property targets, runs <see cref="VaeTrainer"/>, and when training completes adds the
/// attribute vectors (MusicVAE: mean latent of items high in an attribute minus that of items low in it).
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
        var codec = new ItemCodec(module.Tokenizer, vocabulary, config.MaxLength);
        var scaling = config.PropertyNames.ToDictionary(p => p, p => Scale(records, p));
        var train = Encode(records, codec, config, scaling, out var dropped);
        var held = Encode(valid, codec, config, scaling, out var droppedValid);
        var notes = request.Notes + (dropped + droppedValid > 0 ? $"\n\n{dropped + droppedValid} items were skipped (unknown tokens or longer than {config.MaxLength - 1} tokens)." : "");
        var run = new TrainingRun
        {
            OutputFolder = request.Output, DomainId = module.Id, Vocabulary = vocabulary, Model = config, Settings = settings,
            Train = train, Valid = held, PropertyScaling = scaling, Device = request.Device, Notes = notes.Trim(),
            DataFingerprint = Fingerprint(request.Data, records.Count),
            TrainingHashes = records.Select(r => StableHash.Of(r.Text)).ToHashSet(),
            Constraint = module.DecodingConstraint?.Create(vocabulary.Tokens, vocabulary.Specials),
        };
        var outcome = VaeTrainer.Train(run, progress, cancellation);
        if (!outcome.Completed || module.Attributes.Count == 0) return outcome;
        using var model = LatentModel.Load(request.Output, request.Device);
        var readable = records.Where(r => codec.TryToIds(r.Text, out _, out _)).ToList();
        var manifest = outcome.Manifest with { AttributeVectors = AttributeVectors(module, model, codec, readable, run.ReferenceItems) };
        CheckpointStore.Commit(request.Output, manifest);
        return outcome with { Manifest = manifest };
    }

    /// <summary>
    /// Recomputes a trained model's reference latents (OOD calibration) and attribute vectors from the data at
    /// <paramref name="data"/> (items spread evenly over it), e.g. after more data arrived or to steer by a lab's own
    /// items. Weights, vocabulary and novelty hashes stay as they are.
    /// </summary>
    public static CheckpointManifest Recalibrate(IDomainModule module, string data, string modelFolder, string? device = "auto", int referenceItems = 2000)
    {
        ArgumentNullException.ThrowIfNull(module);
        using var model = LatentModel.Load(modelFolder, device);
        var codec = new ItemCodec(module.Tokenizer, model.Vocabulary, model.Manifest.Model.MaxLength);
        var records = module.Datasets.Read(data, new DatasetOptions()).Where(r => codec.TryToIds(r.Text, out _, out _)).ToList();
        if (records.Count < 2) throw new InvalidDataException($"'{data}' holds fewer than 2 items this model can read.");
        var sample = VaeTrainer.Spread(records, referenceItems).Select(r => codec.ToIds(r.Text)).ToArray();
        var manifest = VaeTrainer.WriteReference(model, modelFolder, model.Manifest, sample);
        manifest = manifest with { AttributeVectors = AttributeVectors(module, model, codec, records, referenceItems) };
        CheckpointStore.Commit(modelFolder, manifest);
        CheckpointStore.RenderCard(modelFolder, manifest);
        return manifest;
    }

    /// <summary>Decorrelated attribute vectors from <paramref name="count"/> of <paramref name="readable"/> (items the codec accepts), spread over them.</summary>
    private static Dictionary<string, float[]> AttributeVectors(IDomainModule module, LatentModel model, ItemCodec codec, IReadOnlyList<TrainingRecord> readable, int count)
    {
        var reference = VaeTrainer.Spread(readable, count);
        var latents = model.Encode(reference.Select(r => codec.ToIds(r.Text)).ToArray()).Select(c => c.Mean).ToArray();
        return Decorrelate(AttributeVectors(module, model.Manifest.Model, reference, latents));
    }

    /// <summary>
    /// Removes from each attribute vector its projection on the span of the others (least squares), keeping its
    /// length: attributes that go together in the data (denser clips are more often classical) would otherwise move
    /// together, and a walk along one should change that one most.
    /// </summary>
    public static Dictionary<string, float[]> Decorrelate(IReadOnlyDictionary<string, float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var result = new Dictionary<string, float[]>();
        foreach (var (key, v) in vectors)
        {
            var others = vectors.Where(kv => kv.Key != key).Select(kv => kv.Value).ToArray();
            var residual = v.Select(x => (double)x).ToArray();
            if (others.Length > 0)
            {
                // Normal equations G c = b with G = O O^T, b = O v; then residual = v - O^T c.
                int k = others.Length;
                var g = new double[k, k];
                var b = new double[k];
                for (int i = 0; i < k; i++)
                {
                    b[i] = Dot(others[i], residual);
                    for (int j = 0; j < k; j++) g[i, j] = Dot(others[i], others[j].Select(x => (double)x).ToArray()) + (i == j ? 1e-9 : 0);
                }
                var c = Solve(g, b);
                for (int i = 0; i < k; i++)
                    for (int d = 0; d < residual.Length; d++) residual[d] -= c[i] * others[i][d];
            }
            double before = Math.Sqrt(v.Sum(x => (double)x * x)), after = Math.Sqrt(residual.Sum(x => x * x));
            result[key] = after < 1e-12 ? v : residual.Select(x => (float)(x * before / after)).ToArray();
        }
        return result;
    }

    private static double Dot(float[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>Gaussian elimination with partial pivoting for the small systems of <see cref="Decorrelate"/>.</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        int n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (int col = 0; col < n; col++)
        {
            int pivot = Enumerable.Range(col, n - col).MaxBy(r => Math.Abs(m[r, col]));
            for (int j = 0; j < n; j++) (m[col, j], m[pivot, j]) = (m[pivot, j], m[col, j]);
            (x[col], x[pivot]) = (x[pivot], x[col]);
            for (int r = col + 1; r < n; r++)
            {
                var f = m[r, col] / m[col, col];
                for (int j = col; j < n; j++) m[r, j] -= f * m[col, j];
                x[r] -= f * x[col];
            }
        }
        for (int r = n - 1; r >= 0; r--)
        {
            for (int j = r + 1; j < n; j++) x[r] -= m[r, j] * x[j];
            x[r] /= m[r, r];
        }
        return x;
    }

    /// <summary>For each attribute: mean latent of the top quarter of items minus that of the bottom quarter.</summary>
    public static Dictionary<string, float[]> AttributeVectors(IDomainModule module, VaeConfig config, IReadOnlyList<TrainingRecord> items, IReadOnlyList<float[]> latents)
    {
        var values = items.Select(r => module.Properties.Compute(r.Text)).ToArray();
        var result = new Dictionary<string, float[]>();
        foreach (var attribute in module.Attributes)
        {
            var key = attribute.Key;
            var tag = key.StartsWith("p_", StringComparison.Ordinal) ? key[2..] : null;
            var scored = Enumerable.Range(0, items.Count).Select(i => (i, v: tag is not null && config.TagNames.Contains(tag)
                    ? (items[i].Tags.Contains(tag) ? 1.0 : 0.0)
                    : values[i].GetValueOrDefault(key, double.NaN)))
                .Where(p => !double.IsNaN(p.v)).OrderBy(p => p.v).ToArray();
            if (scored.Length < 8) continue;
            var quarter = scored.Length / 4;
            var low = tag is not null ? scored.Where(p => p.v == 0).Select(p => p.i).ToArray() : scored.Take(quarter).Select(p => p.i).ToArray();
            var high = tag is not null ? scored.Where(p => p.v == 1).Select(p => p.i).ToArray() : scored.TakeLast(quarter).Select(p => p.i).ToArray();
            if (low.Length == 0 || high.Length == 0) continue;
            result[key] = Enumerable.Range(0, latents[0].Length)
                .Select(d => (float)(high.Average(i => latents[i][d]) - low.Average(i => latents[i][d]))).ToArray();
        }
        return result;
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
