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
    /// As <see cref="Decode"/>, with each point's own references (points of several operations decoded as one batch),
    /// and <paramref name="anchors"/>: rows that encode a user's item, settled as <see cref="Anchor"/> settles them, in
    /// the same beam search as the repairs of invalid points.
    /// </summary>
    internal LatentPoint[] DecodeEach(IReadOnlyList<float[]> z, DecodeOptions? options, Func<int, IReadOnlyList<ItemReference>?> referencesOf,
        IReadOnlyList<double>? positions, IReadOnlyList<(int Index, ItemReference Item)>? anchors = null)
    {
        options ??= DecodeOptions.Default;
        anchors ??= [];
        var consistent = options.Strategy == DecodeStrategy.Consistent;
        var texts = _model.Decode(z, consistent ? options with { Strategy = DecodeStrategy.Greedy } : options, _constraint)
            .Select(d => _codec.ToText(d.TokenIds)).ToArray();
        if (consistent) texts = _consistent.Choose(z, texts, options.BeamWidth);
        var ood = _model.OodScores(z);
        var tags = _model.PredictTags(z);
        var points = Enumerable.Range(0, z.Count).Select(i =>
            Describe(texts[i], z[i], positions?[i] ?? i, ood[i], tags[i], referencesOf(i))).ToArray();
        // A consistent decode already is each anchor's encoder-consistent choice.
        Settle(points, referencesOf, consistent ? [] : anchors, repairInvalid: true);
        foreach (var (index, item) in anchors) points[index] = Mark(points[index], item);
        return points;
    }

    /// <summary>
    /// Settles the given points of a decoded list, which encode the user's items (the ends of a path, the start of a
    /// move), so that they give those items back whenever the model can produce them: a point that already is its item
    /// stands; otherwise it becomes its item when beam search finds the item among its <see cref="AnchorBeamWidth"/>
    /// likeliest decodes, else the encoder-consistent choice among its decode and those hypotheses. Nothing changes where
    /// <paramref name="decodedWith"/> was <see cref="DecodeStrategy.Consistent"/>. A point that still is not its item is
    /// marked <see cref="LatentPoint.StandsIn"/> for it.
    /// </summary>
    public void Anchor(LatentPoint[] points, DecodeOptions? decodedWith, IReadOnlyList<ItemReference> references,
        params (int Index, ItemReference Item)[] anchors)
    {
        if (decodedWith?.Strategy != DecodeStrategy.Consistent) Settle(points, _ => references, anchors, repairInvalid: false);
        foreach (var (index, item) in anchors) points[index] = Mark(points[index], item);
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
    /// One beam search (<see cref="AnchorBeamWidth"/> hypotheses) for every point that needs one: anchored points that
    /// are not yet their item (see <see cref="Anchor"/>) and, with <paramref name="repairInvalid"/>, invalid points,
    /// which take their likeliest valid hypothesis (the constraint keeps decodes well-formed but cannot see every domain
    /// rule, e.g. aromaticity). Points still invalid then try a few low-temperature samples, all as one batch.
    /// </summary>
    private void Settle(LatentPoint[] points, Func<int, IReadOnlyList<ItemReference>?> referencesOf,
        IReadOnlyList<(int Index, ItemReference Item)> anchors, bool repairInvalid)
    {
        var itemOf = new Dictionary<int, ItemReference>();
        foreach (var (index, item) in anchors)
            if (!(points[index].Valid && points[index].Text == item.Text)) itemOf.TryAdd(index, item);
        var rows = Enumerable.Range(0, points.Length).Where(i => itemOf.ContainsKey(i) || (repairInvalid && !points[i].Valid)).ToArray();
        if (rows.Length == 0) return;
        var z = rows.Select(i => points[i].Latent).ToArray();
        var tags = _model.PredictTags(z);
        // Each hypothesis text is validated once: by the search's stopping test, then read again when choosing.
        var validations = new Dictionary<string, ValidationResult>(StringComparer.Ordinal);
        ValidationResult Validate(string text) =>
            validations.TryGetValue(text, out var known) ? known : validations[text] = _module.Validator.Validate(text);
        // A row's search ends at its first finished hypothesis that settles it: the item of an anchor, a valid item otherwise.
        bool Settles(int k, DecodedSequence found) => Validate(_codec.ToText(found.TokenIds)) is { IsValid: true } valid
            && (!itemOf.TryGetValue(rows[k], out var item) || valid.Canonical == item.Text);
        var hypotheses = _model.DecodeCandidates(z, AnchorBeamWidth, _constraint, Settles)
            .Select(h => h.Where(s => s.Finished).Select(s => _codec.ToText(s.TokenIds)).Distinct().ToArray()).ToArray();
        var undecided = new List<int>();
        for (int k = 0; k < rows.Length; k++)
        {
            var i = rows[k];
            var canonical = hypotheses[k].Select(Validate).Where(v => v.IsValid).Select(v => v.Canonical!);
            var text = itemOf.TryGetValue(i, out var item) ? canonical.FirstOrDefault(c => c == item.Text) : canonical.FirstOrDefault();
            if (text is not null) points[i] = Describe(text, points[i].Latent, points[i].T, points[i].OodScore, tags[k], referencesOf(i));
            else if (item is not null) undecided.Add(k);
        }
        if (undecided.Count > 0)
        {
            var chosen = _consistent.Nearest(undecided.Select(k => z[k]).ToArray(), undecided.Select(k => points[rows[k]].Text).ToArray(),
                undecided.Select(k => (IReadOnlyList<string>)hypotheses[k]).ToArray());
            for (int u = 0; u < undecided.Count; u++)
            {
                var (k, i) = (undecided[u], rows[undecided[u]]);
                if (chosen[u] != points[i].Text) points[i] = Describe(chosen[u], points[i].Latent, points[i].T, points[i].OodScore, tags[k], referencesOf(i));
            }
        }
        var invalid = Enumerable.Range(0, rows.Length).Where(k => !points[rows[k]].Valid).ToArray();
        if (invalid.Length > 0) Sample(points, invalid.Select(k => rows[k]).ToArray(), invalid.Select(k => tags[k]).ToArray(), referencesOf);
    }

    /// <summary>
    /// Each of the <paramref name="rows"/> (invalid points) becomes the first valid item among
    /// <see cref="RepairSamples"/> low-temperature samples of its z, or stays as it was. All rows are sampled as one batch
    /// whose seeds repeat every <see cref="RepairSamples"/> rows, so a point's repair depends on that point alone.
    /// </summary>
    private void Sample(LatentPoint[] points, int[] rows, float[][] tags, Func<int, IReadOnlyList<ItemReference>?> referencesOf)
    {
        var attempt = new DecodeOptions { Strategy = DecodeStrategy.Sample, Temperature = RepairTemperature, Seed = 1, SeedPeriod = RepairSamples };
        // A point's samples stop at the first that finishes valid.
        var samples = _model.Decode(rows.SelectMany(i => Enumerable.Repeat(points[i].Latent, RepairSamples)).ToArray(), attempt, _constraint,
            (_, found) => _module.Validator.Validate(_codec.ToText(found.TokenIds)).IsValid);
        for (int k = 0; k < rows.Length; k++)
        {
            var i = rows[k];
            foreach (var text in samples[(k * RepairSamples)..((k + 1) * RepairSamples)].Where(s => s.Finished).Select(s => _codec.ToText(s.TokenIds)).Distinct())
            {
                var point = Describe(text, points[i].Latent, points[i].T, points[i].OodScore, tags[k], referencesOf(i));
                if (point.Valid)
                {
                    points[i] = point;
                    break;
                }
            }
        }
    }

    private IReadOnlyList<string> Tokens(string text) => _module.Tokenizer.Tokenize(text) is { Ok: true } r ? r.Tokens : [text];
}
