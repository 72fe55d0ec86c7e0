using LatentWorkbench.Core.Latent.Decoding;

namespace LatentWorkbench.Core.Workbench;

public sealed partial class DomainModel
{
    /// <summary>
    /// Distance (Euclidean, in latent units) under which a decode's own encoding counts as z itself: far below the
    /// spread of a posterior (about 0.5 per dimension) and above bfloat16's rounding of an encoding.
    /// </summary>
    public const double SameLatentTolerance = 0.05;

    /// <summary>
    /// Beam hypotheses tried when anchoring (<see cref="Anchor"/>): fewer than <see cref="DecodeOptions.ConsistentDefault"/>
    /// because every path pays for it (molecule endpoints: 87% with 4, 88.5% with 8; a music path's two ends cost about
    /// 60 ms with 4 and 120 ms with 8).
    /// </summary>
    public const int AnchorBeamWidth = 4;

    /// <summary>
    /// Encoder-consistent choice for each z (<see cref="DecodeStrategy.Consistent"/>): <paramref name="first"/> (the
    /// greedy decode) stands when its own encoding is z within <see cref="SameLatentTolerance"/>; otherwise it and
    /// beam search's <paramref name="width"/> hypotheses are encoded and the valid one nearest z wins, earlier
    /// candidates winning ties. A z whose candidates are all invalid keeps <paramref name="first"/>.
    /// </summary>
    private string[] Consistent(IReadOnlyList<float[]> z, IReadOnlyList<string> first, int width)
    {
        var chosen = first.ToArray();
        var distances = Distances(z, first);
        var open = Enumerable.Range(0, z.Count).Where(i => distances[i] > SameLatentTolerance).ToArray();
        if (open.Length == 0) return chosen;
        var hypotheses = Model.DecodeCandidates(open.Select(i => z[i]).ToArray(), Math.Max(1, width), _constraint);
        // The first decode's distance is known; the other hypotheses of every open point are encoded in one batch.
        var others = open.Select((i, k) => hypotheses[k].Where(h => h.Finished).Select(h => Codec.ToText(h.TokenIds))
            .Where(t => t != first[i]).Distinct().ToArray()).ToArray();
        var own = Distances(open.SelectMany((i, k) => Enumerable.Repeat(z[i], others[k].Length)).ToArray(), others.SelectMany(c => c).ToArray());
        int offset = 0;
        for (int k = 0; k < open.Length; k++)
        {
            var nearest = distances[open[k]];
            foreach (var text in others[k])
            {
                if (own[offset] < nearest) (nearest, chosen[open[k]]) = (own[offset], text);
                offset++;
            }
        }
        return chosen;
    }

    /// <summary>Distance from each z to the posterior mean of its text (infinite for a text that is invalid or too long).</summary>
    private double[] Distances(IReadOnlyList<float[]> z, IReadOnlyList<string> texts)
    {
        var distances = new double[texts.Count];
        Array.Fill(distances, double.PositiveInfinity);
        var encodable = new List<(int Index, int[] Ids)>();
        for (int i = 0; i < texts.Count; i++)
            if (Module.Validator.Validate(texts[i]) is { IsValid: true } valid && Codec.TryToIds(valid.Canonical!, out var ids, out _))
                encodable.Add((i, ids));
        if (encodable.Count == 0) return distances;
        var codes = Model.Encode(encodable.Select(e => e.Ids).ToArray());
        for (int k = 0; k < encodable.Count; k++)
        {
            var (i, mean) = (encodable[k].Index, codes[k].Mean);
            double sum = 0;
            for (int d = 0; d < mean.Length; d++) { var t = mean[d] - z[i][d]; sum += t * t; }
            distances[i] = Math.Sqrt(sum);
        }
        return distances;
    }

    /// <summary>
    /// Decodes the given points of a decoded list again, encoder-consistently, unless they already were: the ends of a
    /// path or the start of a move are encodings of the user's items, so this gives those items back whenever the
    /// model can produce them, at the cost of a beam search only where the first decode is not the item.
    /// </summary>
    private void Anchor(LatentPoint[] points, DecodeOptions? options, IReadOnlyDictionary<string, string>? references, params int[] indices)
    {
        if (options?.Strategy == DecodeStrategy.Consistent) return;
        var z = indices.Select(i => points[i].Latent).ToArray();
        var texts = Consistent(z, indices.Select(i => points[i].Text).ToArray(), AnchorBeamWidth);
        var tags = Model.PredictTags(z);
        for (int k = 0; k < indices.Length; k++)
        {
            var point = points[indices[k]];
            if (texts[k] != point.Text) points[indices[k]] = Describe(texts[k], point.Latent, point.T, point.OodScore, tags[k], references);
        }
    }
}
