using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Latent.Decoding;

namespace LatentWorkbench.Core.Workbench;

/// <summary>
/// Turns latent vectors into valid, described items of one domain: decodes them (the only place that carries out
/// <see cref="DecodeStrategy.Consistent"/>), repairs invalid decodes, anchors points that encode a user's item, and
/// describes each item against the operation's <see cref="ItemReference"/>s. Not thread-safe (its model is not).
/// </summary>
public sealed class PointDecoder
{
    // Low-temperature samples tried, after beam search, to repair an invalid decode (decoded as one batch), and their temperature.
    private const int RepairSamples = 16;
    private const double RepairTemperature = 0.8;

    /// <summary>
    /// Beam hypotheses tried when anchoring (<see cref="Anchor"/>): fewer than <see cref="DecodeOptions.ConsistentDefault"/>
    /// because every path pays for it (molecule endpoints: 87% with 4, 88.5% with 8; a music path's two ends cost about
    /// 60 ms with 4 and 120 ms with 8).
    /// </summary>
    public const int AnchorBeamWidth = 4;

    private readonly IDomainModule _module;
    private readonly LatentModel _model;
    private readonly ItemCodec _codec;
    private readonly IDecodingConstraint? _constraint;
    private readonly ConsistentChoice _consistent;

    /// <summary>Decodes <paramref name="model"/>'s points as items of <paramref name="module"/>, through <paramref name="codec"/>.</summary>
    public PointDecoder(IDomainModule module, LatentModel model, ItemCodec codec)
    {
        _module = module;
        _model = model;
        _codec = codec;
        _constraint = module.DecodingConstraint?.Create(model.Vocabulary.Tokens, model.Vocabulary.Specials);
        _consistent = new ConsistentChoice(module.Validator, model, codec, _constraint);
    }

    /// <summary>
    /// Decodes latent vectors into described points (<see cref="DecodeStrategy.Consistent"/> included), repairing
    /// invalid ones; each point is compared with <paramref name="references"/> and placed at its
    /// <paramref name="positions"/> entry (its index when null).
    /// </summary>
    public LatentPoint[] Decode(IReadOnlyList<float[]> z, DecodeOptions? options = null,
        IReadOnlyList<ItemReference>? references = null, IReadOnlyList<double>? positions = null) =>
        DecodeEach(z, options, _ => references, positions);

    /// <summary>
    /// As <see cref="Decode"/>, with each point's own references (points of several operations decoded as one batch).
    /// </summary>
    internal LatentPoint[] DecodeEach(IReadOnlyList<float[]> z, DecodeOptions? options, Func<int, IReadOnlyList<ItemReference>?> referencesOf,
        IReadOnlyList<double>? positions)
    {
        options ??= DecodeOptions.Default;
        var consistent = options.Strategy == DecodeStrategy.Consistent;
        var texts = _model.Decode(z, consistent ? options with { Strategy = DecodeStrategy.Greedy } : options, _constraint)
            .Select(d => _codec.ToText(d.TokenIds)).ToArray();
        if (consistent) texts = _consistent.Choose(z, texts, options.BeamWidth);
        var ood = _model.OodScores(z);
        var tags = _model.PredictTags(z);
        var points = Enumerable.Range(0, z.Count).Select(i =>
            Describe(texts[i], z[i], positions?[i] ?? i, ood[i], tags[i], referencesOf(i))).ToArray();
        Repair(points, ood, tags, referencesOf);
        return points;
    }

    /// <summary>
    /// Decodes the given points of a decoded list again, encoder-consistently, unless <paramref name="decodedWith"/>
    /// already was: the ends of a path or the start of a move are encodings of the user's items, so this gives those
    /// items back whenever the model can produce them, at the cost of a beam search only where the first decode is not
    /// the item. A point that still is not its item is marked <see cref="LatentPoint.StandsIn"/> for it.
    /// </summary>
    public void Anchor(LatentPoint[] points, DecodeOptions? decodedWith, IReadOnlyList<ItemReference> references,
        params (int Index, ItemReference Item)[] anchors) => AnchorAll([new AnchorJob(points, decodedWith, references, anchors)]);

    /// <summary>As <see cref="Anchor"/>, for several operations whose anchors are searched as one batch.</summary>
    internal void AnchorAll(IReadOnlyList<AnchorJob> jobs)
    {
        var open = jobs.Where(j => j.DecodedWith?.Strategy != DecodeStrategy.Consistent)
            .SelectMany(j => j.Anchors.Select(a => (Job: j, a.Index))).ToArray();
        if (open.Length > 0)
        {
            var z = open.Select(a => a.Job.Points[a.Index].Latent).ToArray();
            var texts = _consistent.Choose(z, open.Select(a => a.Job.Points[a.Index].Text).ToArray(), AnchorBeamWidth);
            var tags = _model.PredictTags(z);
            for (int k = 0; k < open.Length; k++)
            {
                var (job, index) = open[k];
                var point = job.Points[index];
                if (texts[k] != point.Text) job.Points[index] = Describe(texts[k], point.Latent, point.T, point.OodScore, tags[k], job.References);
            }
        }
        foreach (var job in jobs)
            foreach (var (index, item) in job.Anchors) job.Points[index] = Mark(job.Points[index], item);
    }

    /// <summary><paramref name="point"/>, marked as standing in for <paramref name="item"/> when it is another item.</summary>
    public LatentPoint Mark(LatentPoint point, ItemReference item)
    {
        if (point.Valid && point.Text == item.Text) return point with { StandsIn = null };
        var similarity = point.Valid ? _module.Similarity.Compute(point.Text, item.Text) : 0;
        return point with { StandsIn = new StandIn(item.Text, similarity, StandIn.NoteFor(item.Role, _module.ItemNoun)) };
    }

    /// <summary>Beam search's <paramref name="width"/> most likely decodes of each vector, under the domain's constraint.</summary>
    public DecodedSequence[][] Hypotheses(IReadOnlyList<float[]> z, int width) => _model.DecodeCandidates(z, width, _constraint);

    /// <summary>
    /// Describes <paramref name="text"/> as the item at <paramref name="z"/> (position <paramref name="t"/>): its
    /// validity, properties (plus <c>p_TAG</c> from the tag head), similarities to <paramref name="references"/>,
    /// distance from the origin reference and novelty.
    /// </summary>
    public LatentPoint Describe(string text, float[] z, double t, IReadOnlyList<ItemReference>? references) =>
        Describe(text, z, t, _model.OodScores([z])[0], _model.PredictTags([z])[0], references);

    /// <summary>As <see cref="Describe(string, float[], double, IReadOnlyList{ItemReference})"/> with the point's OOD score and tag probabilities known.</summary>
    internal LatentPoint Describe(string text, float[] z, double t, double ood, float[] tagProbabilities, IReadOnlyList<ItemReference>? references)
    {
        var validation = _module.Validator.Validate(text);
        if (!validation.IsValid)
            return new LatentPoint(t, text, false, null, new Dictionary<string, double>(), new Dictionary<string, double>(), ood, validation.Error, z);
        var canonical = validation.Canonical!;
        var properties = new Dictionary<string, double>(_module.Properties.Compute(canonical));
        var tagNames = _model.Manifest.Model.TagNames;
        for (int k = 0; k < tagProbabilities.Length; k++) properties[$"p_{tagNames[k]}"] = tagProbabilities[k];
        var similarities = new Dictionary<string, double>();
        foreach (var reference in references ?? []) similarities[reference.Name] = _module.Similarity.Compute(canonical, reference.Text);
        var origin = references?.FirstOrDefault(r => r.IsOrigin)?.Text;
        return new LatentPoint(t, canonical, true, _model.IsNovel(canonical), properties, similarities, ood, null, z)
        {
            DistanceFromStart = origin is null ? null : TokenDistance.Normalized(Tokens(canonical), Tokens(origin)),
        };
    }

    /// <summary>
    /// The constraint keeps decodes well-formed but cannot see every domain rule (e.g. aromaticity); for each invalid
    /// point, beam search of the same z (all such points searched as one batch) and then a few low-temperature samples
    /// are tried before giving up.
    /// </summary>
    private void Repair(LatentPoint[] points, double[] ood, float[][] tags, Func<int, IReadOnlyList<ItemReference>?> referencesOf)
    {
        var open = Enumerable.Range(0, points.Length).Where(i => !points[i].Valid).ToList();
        if (open.Count == 0) return;
        var beams = _model.Decode(open.Select(i => points[i].Latent).ToArray(), new DecodeOptions { Strategy = DecodeStrategy.Beam, BeamWidth = 4 }, _constraint);
        for (int k = 0; k < open.Count; k++)
        {
            var i = open[k];
            var point = Describe(_codec.ToText(beams[k].TokenIds), points[i].Latent, points[i].T, ood[i], tags[i], referencesOf(i));
            points[i] = point.Valid ? point : Sampled(points[i], ood[i], tags[i], referencesOf(i));
        }
    }

    /// <summary>
    /// The first valid item among low-temperature samples of an invalid point's z (one batch of
    /// <see cref="RepairSamples"/> rows, each with its own seed, so the repair depends on this point alone), else the
    /// point as it was.
    /// </summary>
    private LatentPoint Sampled(LatentPoint invalid, double ood, float[] tags, IReadOnlyList<ItemReference>? references)
    {
        var attempt = new DecodeOptions { Strategy = DecodeStrategy.Sample, Temperature = RepairTemperature, Seed = 1 };
        var samples = _model.Decode(Enumerable.Repeat(invalid.Latent, RepairSamples).ToArray(), attempt, _constraint);
        foreach (var text in samples.Select(s => _codec.ToText(s.TokenIds)).Distinct())
        {
            var point = Describe(text, invalid.Latent, invalid.T, ood, tags, references);
            if (point.Valid) return point;
        }
        return invalid;
    }

    private IReadOnlyList<string> Tokens(string text) => _module.Tokenizer.Tokenize(text) is { Ok: true } r ? r.Tokens : [text];
}

/// <summary>The points of one operation to anchor (<see cref="PointDecoder.AnchorAll"/>): which of them encode which user's item.</summary>
internal sealed record AnchorJob(LatentPoint[] Points, DecodeOptions? DecodedWith, IReadOnlyList<ItemReference> References,
    IReadOnlyList<(int Index, ItemReference Item)> Anchors);
