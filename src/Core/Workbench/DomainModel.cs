using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Runtime;
using LatentWorkbench.Core.Latent.Decoding;

namespace LatentWorkbench.Core.Workbench;

/// <summary>
/// A domain module joined with one of its models: every latent operation in the domain's own terms (item text in,
/// <see cref="LatentPoint"/>s out). Not thread-safe; share it through a <see cref="Runtime.ModelWorker"/>.
/// </summary>
public sealed partial class DomainModel : IDisposable
{
    /// <summary>Low-temperature samples tried, after beam search, to repair an invalid decode.</summary>
    public const int RepairSamples = 16;

    private readonly IDecodingConstraint? _constraint;

    /// <summary>Joins <paramref name="module"/> and <paramref name="model"/>; the model must belong to the module's domain.</summary>
    public DomainModel(IDomainModule module, LatentModel model)
    {
        if (model.Manifest.DomainId != module.Id)
            throw new InvalidDataException($"The model at '{model.Folder}' belongs to domain '{model.Manifest.DomainId}', not '{module.Id}'.");
        Module = module;
        Model = model;
        Codec = new ItemCodec(module.Tokenizer, model.Vocabulary, model.Manifest.Model.MaxLength);
        _constraint = module.DecodingConstraint?.Create(model.Vocabulary.Tokens, model.Vocabulary.Specials);
    }

    /// <summary>The domain.</summary>
    public IDomainModule Module { get; }

    /// <summary>The model.</summary>
    public LatentModel Model { get; }

    /// <summary>Text &lt;-&gt; token ids.</summary>
    public ItemCodec Codec { get; }

    /// <summary>Loads the model at <paramref name="folder"/> for <paramref name="module"/>.</summary>
    public static DomainModel Load(IDomainModule module, string folder, string? device = "auto", Precision precision = Precision.Fp32) =>
        new(module, LatentModel.Load(folder, device, precision));

    /// <summary>The canonical form of a user's item; throws <see cref="ItemInputException"/> with the position when invalid.</summary>
    public string Canonicalize(string text)
    {
        var result = Module.Validator.Validate(text);
        if (!result.IsValid) throw new ItemInputException(result.Error ?? "The item is not valid.", result.Position);
        return result.Canonical!;
    }

    /// <summary>Posterior of each item (validated and canonicalised first).</summary>
    public LatentCode[] Encode(IReadOnlyList<string> texts) =>
        Model.Encode(texts.Select(t => Codec.ToIds(Canonicalize(t))).ToArray());

    /// <summary>Decodes latent vectors into described points; <paramref name="references"/> are named items to compare with.</summary>
    public LatentPoint[] Decode(IReadOnlyList<float[]> z, DecodeOptions? options = null,
        IReadOnlyDictionary<string, string>? references = null, IReadOnlyList<double>? positions = null)
    {
        options ??= DecodeOptions.Default;
        var texts = Model.Decode(z, options.Strategy == DecodeStrategy.Consistent ? options with { Strategy = DecodeStrategy.Greedy } : options, _constraint)
            .Select(d => Codec.ToText(d.TokenIds)).ToArray();
        if (options.Strategy == DecodeStrategy.Consistent) texts = Consistent(z, texts, options.BeamWidth);
        var ood = Model.OodScores(z);
        var tags = Model.PredictTags(z);
        var points = Enumerable.Range(0, z.Count).Select(i =>
            Describe(texts[i], z[i], positions?[i] ?? i, ood[i], tags[i], references)).ToArray();
        for (int i = 0; i < points.Length; i++)
            if (!points[i].Valid) points[i] = Repair(points[i], z[i], ood[i], tags[i], references);
        return points;
    }

    /// <summary>
    /// The constraint keeps decodes well-formed but cannot see every domain rule (e.g. aromaticity); when the greedy
    /// item is invalid, beam search and a few low-temperature samples of the same z are tried before giving up.
    /// </summary>
    private LatentPoint Repair(LatentPoint invalid, float[] z, double ood, float[] tags, IReadOnlyDictionary<string, string>? references)
    {
        IEnumerable<DecodeOptions> Attempts()
        {
            yield return new DecodeOptions { Strategy = DecodeStrategy.Beam, BeamWidth = 4 };
            for (int seed = 1; seed <= RepairSamples; seed++)
                yield return new DecodeOptions { Strategy = DecodeStrategy.Sample, Temperature = 0.6 + 0.4 * seed / RepairSamples, Seed = seed };
        }
        foreach (var attempt in Attempts())
        {
            var text = Codec.ToText(Model.Decode([z], attempt, _constraint)[0].TokenIds);
            var point = Describe(text, z, invalid.T, ood, tags, references);
            if (point.Valid) return point;
        }
        return invalid;
    }

    /// <summary>
    /// Path from one item to another in <paramref name="steps"/> points, both ends included. With
    /// <paramref name="smooth"/>, inner points may take a likelier-but-one decode of their own latent point where that
    /// keeps the path from doubling back (<see cref="Smooth"/>); it costs a beam search per inner point. The ends are
    /// decoded encoder-consistently (<see cref="DecodeStrategy.Consistent"/>) whatever <paramref name="options"/> say,
    /// so a path starts and ends at the user's items whenever the model can produce them.
    /// </summary>
    public IReadOnlyList<LatentPoint> Interpolate(string from, string to, int steps, InterpolationMethod method = InterpolationMethod.Slerp,
        DecodeOptions? options = null, bool smooth = false)
    {
        if (steps is < 2 or > 200) throw new ItemInputException($"Steps must be between 2 and 200 (got {steps}).");
        var a = Canonicalize(from);
        var b = Canonicalize(to);
        var codes = Model.Encode([Codec.ToIds(a), Codec.ToIds(b)]);
        var path = Interpolation.Path(codes[0].Mean, codes[1].Mean, steps, method);
        var positions = Enumerable.Range(0, steps).Select(i => (double)i / (steps - 1)).ToArray();
        var references = new Dictionary<string, string> { ["from"] = a, ["to"] = b };
        var points = Decode(path, options, references, positions);
        Anchor(points, options, references, 0, steps - 1);
        return smooth ? Smooth(points, references) : points;
    }

    /// <summary><paramref name="count"/> items decoded from prior samples z ~ N(0, I).</summary>
    public IReadOnlyList<LatentPoint> Sample(int count, int seed = 1, DecodeOptions? options = null)
    {
        if (count is < 1 or > 100_000) throw new ItemInputException($"Count must be between 1 and 100000 (got {count}).");
        var random = new Random(seed);
        var z = Enumerable.Range(0, count).Select(_ => Gaussian(random, Model.LatentSize, 1.0)).ToArray();
        return Decode(z, options);
    }

    /// <summary>Items decoded around an item's posterior mean (z + radius * noise).</summary>
    public IReadOnlyList<LatentPoint> Neighbours(string text, int count, double radius = 0.5, int seed = 1)
    {
        var start = Canonicalize(text);
        var mean = Model.Encode([Codec.ToIds(start)])[0].Mean;
        var random = new Random(seed);
        var z = Enumerable.Range(0, count).Select(_ => Add(mean, Gaussian(random, mean.Length, radius))).ToArray();
        return Decode(z, null, new Dictionary<string, string> { ["start"] = start });
    }

    /// <summary>
    /// Moves an item along an attribute vector: <paramref name="steps"/> + 1 points from 0 to <paramref name="amount"/>
    /// times the vector; the first point is decoded encoder-consistently, as the ends of a path are.
    /// </summary>
    public IReadOnlyList<LatentPoint> MoveAlong(string text, string attribute, double amount, int steps = 4)
    {
        if (!Model.Manifest.AttributeVectors.TryGetValue(attribute, out var vector))
            throw new ItemInputException($"This model has no attribute vector '{attribute}'; it has: {string.Join(", ", Model.Manifest.AttributeVectors.Keys)}.");
        if (steps is < 1 or > 100) throw new ItemInputException($"Steps must be between 1 and 100 (got {steps}).");
        var start = Canonicalize(text);
        var mean = Model.Encode([Codec.ToIds(start)])[0].Mean;
        var z = Enumerable.Range(0, steps + 1).Select(k => Add(mean, Scale(vector, amount * k / steps))).ToArray();
        var references = new Dictionary<string, string> { ["start"] = start };
        var points = Decode(z, null, references, Enumerable.Range(0, steps + 1).Select(k => (double)k / steps).ToArray());
        Anchor(points, null, references, 0);
        return points;
    }

    /// <summary>Describes one decoded item: validity, properties (plus p_TAG from the tag head), similarities, novelty.</summary>
    private LatentPoint Describe(string text, float[] z, double t, double ood, float[] tagProbabilities, IReadOnlyDictionary<string, string>? references)
    {
        var validation = Module.Validator.Validate(text);
        if (!validation.IsValid)
            return new LatentPoint(t, text, false, null, new Dictionary<string, double>(), new Dictionary<string, double>(), ood, validation.Error, z);
        var canonical = validation.Canonical!;
        var properties = new Dictionary<string, double>(Module.Properties.Compute(canonical));
        var tagNames = Model.Manifest.Model.TagNames;
        for (int k = 0; k < tagProbabilities.Length; k++) properties[$"p_{tagNames[k]}"] = tagProbabilities[k];
        var similarities = new Dictionary<string, double>();
        if (references is not null)
            foreach (var (name, reference) in references) similarities[name] = Module.Similarity.Compute(canonical, reference);
        var start = references?.GetValueOrDefault("from") ?? references?.GetValueOrDefault("start");
        return new LatentPoint(t, canonical, true, Model.IsNovel(canonical), properties, similarities, ood, null, z)
        {
            DistanceFromStart = start is null ? null : TokenDistance.Normalized(Tokens(canonical), Tokens(start)),
        };
    }

    private IReadOnlyList<string> Tokens(string text) => Module.Tokenizer.Tokenize(text) is { Ok: true } r ? r.Tokens : [text];

    private static float[] Gaussian(Random random, int size, double scale)
    {
        var v = new float[size];
        for (int i = 0; i < size; i++)
            v[i] = (float)(scale * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        return v;
    }

    private static float[] Add(float[] a, float[] b) => a.Select((v, i) => v + b[i]).ToArray();

    private static float[] Scale(float[] a, double s) => a.Select(v => (float)(v * s)).ToArray();

    /// <summary>Releases the model.</summary>
    public void Dispose() => Model.Dispose();
}
