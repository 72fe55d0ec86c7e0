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
        using var model = LatentModel.Load(modelFolder, device);
        var codec = new ItemCodec(module.Tokenizer, model.Vocabulary, model.Manifest.Model.MaxLength);
        // Read as training reads (with its augmentation and seed), so that the same data gives the same vectors.
        var options = new DatasetOptions(Augment: true, model.Manifest.Training.Seed);
        var records = module.Datasets.Read(data, options).Where(r => codec.TryToIds(r.Text, out _, out _)).ToList();
        if (records.Count < 2) throw new InvalidDataException($"'{data}' holds fewer than 2 items this model can read.");
        var manifest = model.Manifest;
        if (attributes is null)
        {
            var sample = VaeTrainer.Spread(records, referenceItems).Select(r => codec.ToIds(r.Text)).ToArray();
            manifest = VaeTrainer.WriteReference(model, modelFolder, manifest, sample);
        }
        manifest = manifest with { AttributeVectors = AttributeVectors(module, model, codec, records, referenceItems, attributes) };
        CheckpointStore.Commit(modelFolder, manifest);
        CheckpointStore.RenderCard(modelFolder, manifest);
        return manifest;
    }

    /// <summary>
    /// Attribute vectors from <paramref name="count"/> of <paramref name="readable"/> (items the codec accepts), spread
    /// over them. Continuous attributes: the difference of the top and bottom quarter, decorrelated from the others'
    /// plain differences (so density's vector no longer carries the style that goes with density). Tag attributes
    /// (<c>p_TAG</c>): the matched difference (<see cref="AttributeVectors(IDomainModule, VaeConfig, IReadOnlyList{TrainingRecord}, IReadOnlyList{float[]}, bool)"/>),
    /// which needs no decorrelation. With <paramref name="only"/>, just those are recomputed and the model's other
    /// vectors are kept.
    /// </summary>
    private static Dictionary<string, float[]> AttributeVectors(IDomainModule module, LatentModel model, ItemCodec codec,
        IReadOnlyList<TrainingRecord> readable, int count, IReadOnlyCollection<string>? only = null)
    {
        var config = model.Manifest.Model;
        var reference = VaeTrainer.Spread(readable, count);
        var latents = model.Encode(reference.Select(r => codec.ToIds(r.Text)).ToArray()).Select(c => c.Mean).ToArray();
        var fresh = Decorrelate(AttributeVectors(module, config, reference, latents, matchTags: false));
        var result = only is null ? fresh : new Dictionary<string, float[]>(model.Manifest.AttributeVectors);
        foreach (var key in only ?? [])
            if (fresh.TryGetValue(key, out var v)) result[key] = v;
        foreach (var (key, matched) in AttributeVectors(module, config, reference, latents, matchTags: true))
            if (IsTag(config, key) && (only is null || only.Contains(key))) result[key] = matched;
        return result;
    }

    private static bool IsTag(VaeConfig config, string key) => TagOf(config, key) is not null;

    private static string? TagOf(VaeConfig config, string key) =>
        key.StartsWith("p_", StringComparison.Ordinal) && config.TagNames.Contains(key[2..]) ? key[2..] : null;

    /// <summary>
    /// Removes from each attribute vector its projection on the span of the others (least squares), keeping its
    /// length: attributes that go together in the data (denser clips are more often classical) would otherwise move
    /// together, and a walk along one should change that one most.
    /// </summary>
    public static Dictionary<string, float[]> Decorrelate(IReadOnlyDictionary<string, float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        return vectors.ToDictionary(kv => kv.Key, kv => Residual(kv.Value, vectors.Where(o => o.Key != kv.Key).Select(o => o.Value).ToArray()));
    }

    /// <summary><paramref name="v"/> less its least-squares projection on the span of <paramref name="others"/>, at <paramref name="v"/>'s length.</summary>
    private static float[] Residual(float[] v, float[][] others)
    {
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
        return after < 1e-12 ? v : residual.Select(x => (float)(x * before / after)).ToArray();
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

    /// <summary>
    /// For each attribute: the mean latent of items high in it (the top quarter, or those with the tag for a
    /// <c>p_TAG</c> attribute) minus that of items low in it (the bottom quarter, or those without). With
    /// <paramref name="matchTags"/>, a tag's difference is matched instead: each item is compared with the item of the
    /// other group nearest to it on the other attributes (standardised; with replacement, both ways). A plain
    /// difference would also carry whatever goes with the tag in the data (jazz solos are sparser and more
    /// syncopated than classical piano), and a walk along it would change those too.
    /// </summary>
    public static Dictionary<string, float[]> AttributeVectors(IDomainModule module, VaeConfig config, IReadOnlyList<TrainingRecord> items, IReadOnlyList<float[]> latents, bool matchTags = true)
    {
        var values = items.Select(r => module.Properties.Compute(r.Text)).ToArray();
        var scores = module.Attributes.Select(a => a.Key).ToDictionary(key => key, key => TagOf(config, key) is { } tag
            ? items.Select(r => r.Tags.Contains(tag) ? 1.0 : 0.0).ToArray()
            : values.Select(v => v.GetValueOrDefault(key, double.NaN)).ToArray());
        var result = new Dictionary<string, float[]>();
        foreach (var (key, score) in scores)
        {
            var scored = Enumerable.Range(0, items.Count).Where(i => !double.IsNaN(score[i])).OrderBy(i => score[i]).ToArray();
            if (scored.Length < 8) continue;
            var quarter = scored.Length / 4;
            var binary = IsTag(config, key);
            var low = binary ? scored.Where(i => score[i] == 0).ToArray() : scored.Take(quarter).ToArray();
            var high = binary ? scored.Where(i => score[i] == 1).ToArray() : scored.TakeLast(quarter).ToArray();
            if (low.Length == 0 || high.Length == 0) continue;
            if (binary && matchTags)
            {
                var others = Standardised(scores.Where(kv => kv.Key != key).Select(kv => kv.Value).ToArray(), items.Count);
                var sum = new double[latents[0].Length];
                foreach (var h in high) Accumulate(sum, latents[h], latents[Nearest(others, h, low)]);
                foreach (var l in low) Accumulate(sum, latents[Nearest(others, l, high)], latents[l]);
                result[key] = sum.Select(v => (float)(v / (high.Length + low.Length))).ToArray();
            }
            else
            {
                result[key] = Enumerable.Range(0, latents[0].Length)
                    .Select(d => (float)(high.Average(i => latents[i][d]) - low.Average(i => latents[i][d]))).ToArray();
            }
        }
        return result;
    }

    /// <summary>Per item, the given attribute columns standardised to mean 0 and spread 1 (missing values at the mean).</summary>
    private static double[][] Standardised(double[][] columns, int count)
    {
        var rows = Enumerable.Range(0, count).Select(_ => new double[columns.Length]).ToArray();
        for (int c = 0; c < columns.Length; c++)
        {
            var known = columns[c].Where(double.IsFinite).ToArray();
            if (known.Length < 2) continue;
            var mean = known.Average();
            var std = Math.Sqrt(known.Sum(v => (v - mean) * (v - mean)) / known.Length);
            for (int i = 0; i < count; i++)
                rows[i][c] = double.IsFinite(columns[c][i]) && std > 1e-12 ? (columns[c][i] - mean) / std : 0;
        }
        return rows;
    }

    /// <summary>The item of <paramref name="pool"/> closest to item <paramref name="item"/> in <paramref name="features"/>.</summary>
    private static int Nearest(double[][] features, int item, int[] pool)
    {
        int best = pool[0];
        double bestDistance = double.PositiveInfinity;
        foreach (var candidate in pool)
        {
            double distance = 0;
            for (int c = 0; c < features[item].Length; c++)
            {
                var d = features[item][c] - features[candidate][c];
                distance += d * d;
            }
            if (distance < bestDistance) (bestDistance, best) = (distance, candidate);
        }
        return best;
    }

    private static void Accumulate(double[] sum, float[] high, float[] low)
    {
        for (int d = 0; d < sum.Length; d++) sum[d] += high[d] - low[d];
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
