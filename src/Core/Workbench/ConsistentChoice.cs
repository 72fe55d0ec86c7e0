// Encoder-consistent decoding: of a point's candidate decodes, keep the valid one whose own encoding lies nearest it.
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Latent.Decoding;

namespace LatentWorkbench.Core.Workbench;

/// <summary>The encoder-consistent choice among decodes (<see cref="DecodeStrategy.Consistent"/>), for <see cref="PointDecoder"/>.</summary>
internal sealed class ConsistentChoice(IItemValidator validator, LatentModel model, ItemCodec codec, IDecodingConstraint? constraint)
{
    /// <summary>
    /// Distance (Euclidean, in latent units) under which a decode's own encoding counts as z itself: far below the
    /// spread of a posterior (about 0.5 per dimension) and above bfloat16's rounding of an encoding.
    /// </summary>
    private const double SameLatentTolerance = 0.05;

    /// <summary>
    /// For each z, <paramref name="first"/> (the greedy decode) stands when its own encoding is z within
    /// <see cref="SameLatentTolerance"/>; otherwise it and beam search's <paramref name="width"/> hypotheses are encoded
    /// and the valid one nearest z wins, earlier candidates winning ties. A z whose candidates are all invalid keeps
    /// <paramref name="first"/>.
    /// </summary>
    public string[] Choose(IReadOnlyList<float[]> z, IReadOnlyList<string> first, int width)
    {
        var chosen = first.ToArray();
        var distances = Distances(z, first);
        var open = Enumerable.Range(0, z.Count).Where(i => distances[i] > SameLatentTolerance).ToArray();
        if (open.Length == 0) return chosen;
        var hypotheses = model.DecodeCandidates(open.Select(i => z[i]).ToArray(), Math.Max(1, width), constraint);
        var others = open.Select((i, k) => hypotheses[k].Where(h => h.Finished).Select(h => codec.ToText(h.TokenIds)).ToArray()).ToArray();
        var nearest = Nearest(open.Select(i => z[i]).ToArray(), open.Select(i => first[i]).ToArray(), open.Select(i => distances[i]).ToArray(), others);
        for (int k = 0; k < open.Length; k++) chosen[open[k]] = nearest[k];
        return chosen;
    }

    /// <summary>
    /// For each z, the valid text among <paramref name="first"/> and <paramref name="others"/> whose own encoding lies
    /// nearest z, earlier candidates winning ties; <paramref name="first"/> when none is valid. All candidates are encoded
    /// as one batch.
    /// </summary>
    public string[] Nearest(IReadOnlyList<float[]> z, IReadOnlyList<string> first, IReadOnlyList<IReadOnlyList<string>> others) =>
        Nearest(z, first, null, others);

    // As the public Nearest, with the first candidates' distances known when given (they are not encoded again).
    private string[] Nearest(IReadOnlyList<float[]> z, IReadOnlyList<string> first, IReadOnlyList<double>? firstDistances,
        IReadOnlyList<IReadOnlyList<string>> others)
    {
        var candidates = Enumerable.Range(0, z.Count)
            .Select(k => (firstDistances is null ? [first[k]] : Array.Empty<string>()).Concat(others[k].Where(t => t != first[k])).Distinct().ToArray())
            .ToArray();
        var own = Distances(Enumerable.Range(0, z.Count).SelectMany(k => Enumerable.Repeat(z[k], candidates[k].Length)).ToArray(),
            candidates.SelectMany(c => c).ToArray());
        var chosen = first.ToArray();
        int offset = 0;
        for (int k = 0; k < z.Count; k++)
        {
            var nearest = firstDistances?[k] ?? double.PositiveInfinity;
            foreach (var text in candidates[k])
            {
                if (own[offset] < nearest) (nearest, chosen[k]) = (own[offset], text);
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
            if (validator.Validate(texts[i]) is { IsValid: true } valid && codec.TryToIds(valid.Canonical!, out var ids, out _))
                encodable.Add((i, ids));
        if (encodable.Count == 0) return distances;
        var codes = model.Encode(encodable.Select(e => e.Ids).ToArray());
        for (int k = 0; k < encodable.Count; k++)
        {
            var (i, mean) = (encodable[k].Index, codes[k].Mean);
            double sum = 0;
            for (int d = 0; d < mean.Length; d++) { var t = mean[d] - z[i][d]; sum += t * t; }
            distances[i] = Math.Sqrt(sum);
        }
        return distances;
    }
}
