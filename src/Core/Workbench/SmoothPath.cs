// A path that does not double back: each inner point chooses among likely decodes of its own latent point by dynamic
// programming (Viterbi) over the similarities to the path's two ends.
namespace LatentWorkbench.Core.Workbench;

/// <summary>Chooses, for every inner point of a decoded path, one of its likelier decodes so that the path moves steadily.</summary>
public sealed class SmoothPath(DomainModel model)
{
    /// <summary>Beam-search hypotheses each inner point of a smooth path may choose from (besides its own decode).</summary>
    public const int Candidates = 6;

    // Cost of taking a hypothesis instead of the point's own decode: a base that keeps the own decode on ties, plus
    // this much per nat per token the hypothesis is less likely than the best one. One unit of cost is a similarity
    // change of 1 against the path's direction.
    private const double HypothesisCost = 0.01;
    private const double LikelihoodCost = 0.5;
    private const double InvalidCost = 1;

    private static readonly string From = ItemReference.NameOf(ReferenceRole.From);
    private static readonly string To = ItemReference.NameOf(ReferenceRole.To);

    /// <summary>
    /// Over all choices, keeps the one with the least backtracking (similarity to the <see cref="ReferenceRole.From"/>
    /// item rising or similarity to the <see cref="ReferenceRole.To"/> item falling between neighbours), a less likely
    /// decode costing a little. Both ends keep their own decodes; every item shown is still a decode of its point.
    /// </summary>
    public LatentPoint[] Choose(LatentPoint[] points, IReadOnlyList<ItemReference> references)
    {
        var options = new List<(LatentPoint Point, double Cost)>[points.Length];
        var tags = model.Model.PredictTags(points.Select(p => p.Latent).ToArray());
        var inner = points.Length > 2 ? model.Points.Hypotheses(points[1..^1].Select(p => p.Latent).ToArray(), Candidates) : [];
        for (int i = 0; i < points.Length; i++)
        {
            options[i] = [(points[i], points[i].Valid ? 0 : InvalidCost)];
            if (i == 0 || i == points.Length - 1) continue;
            var hypotheses = inner[i - 1];
            if (hypotheses.Length == 0) continue;
            var best = hypotheses.Max(h => h.LogProbability / (h.TokenIds.Length + 1));
            var seen = new HashSet<string> { points[i].Text };
            foreach (var h in hypotheses.Where(h => h.Finished))
            {
                var point = model.Points.Describe(model.Codec.ToText(h.TokenIds), points[i].Latent, points[i].T, points[i].OodScore, tags[i], references);
                if (!point.Valid || !seen.Add(point.Text)) continue;
                var lessLikely = Math.Max(0, best - h.LogProbability / (h.TokenIds.Length + 1));
                options[i].Add((point, HypothesisCost + LikelihoodCost * lessLikely));
            }
        }
        return Viterbi(options);
    }

    /// <summary>The sequence of options (one per point) of least total cost: own costs plus backtracking between neighbours.</summary>
    private static LatentPoint[] Viterbi(List<(LatentPoint Point, double Cost)>[] options)
    {
        var total = options.Select(o => new double[o.Count]).ToArray();
        var from = options.Select(o => new int[o.Count]).ToArray();
        for (int c = 0; c < options[0].Count; c++) total[0][c] = options[0][c].Cost;
        for (int i = 1; i < options.Length; i++)
            for (int c = 0; c < options[i].Count; c++)
            {
                int arg = 0;
                double min = double.PositiveInfinity;
                for (int p = 0; p < options[i - 1].Count; p++)
                {
                    var cost = total[i - 1][p] + Backtracking(options[i - 1][p].Point, options[i][c].Point);
                    if (cost < min) (min, arg) = (cost, p);
                }
                total[i][c] = min + options[i][c].Cost;
                from[i][c] = arg;
            }
        var chosen = new LatentPoint[options.Length];
        int k = Array.IndexOf(total[^1], total[^1].Min());
        for (int i = options.Length - 1; i >= 0; i--)
        {
            chosen[i] = options[i][k].Point;
            k = from[i][k];
        }
        return chosen;
    }

    /// <summary>How far a step from <paramref name="a"/> to <paramref name="b"/> goes back toward the start.</summary>
    private static double Backtracking(LatentPoint a, LatentPoint b)
    {
        if (!a.Valid || !b.Valid) return 0;
        double Similarity(LatentPoint p, string name) => p.Similarities.GetValueOrDefault(name, 0);
        return Math.Max(0, Similarity(b, From) - Similarity(a, From)) + Math.Max(0, Similarity(a, To) - Similarity(b, To));
    }
}
