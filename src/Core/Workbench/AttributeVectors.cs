// Attribute vectors (MusicVAE, Roberts et al. 2018): directions in latent space along which an attribute grows, from
// the posterior means of items high and low in it; tags use matched differences, continuous attributes decorrelated ones.
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Models;

namespace LatentWorkbench.Core.Workbench;

/// <summary>Attribute vectors from items, their attribute values and their latent means.</summary>
public static class AttributeVectors
{
    /// <summary>
    /// The vectors a model keeps. Continuous attributes: the difference of the top and bottom quarter, decorrelated
    /// from the others' plain differences (so density's vector no longer carries the style that goes with density).
    /// Tag attributes (<c>p_TAG</c>): the matched difference (see <see cref="Compute"/>), which needs no decorrelation.
    /// With <paramref name="only"/>, just those are recomputed and the rest come from <paramref name="current"/>.
    /// </summary>
    public static Dictionary<string, float[]> Build(IDomainModule module, VaeConfig config, IReadOnlyList<TrainingRecord> items,
        IReadOnlyList<float[]> latents, IReadOnlyDictionary<string, float[]>? current = null, IReadOnlyCollection<string>? only = null)
    {
        var scores = Scores(module, config, items);
        var fresh = Decorrelate(Differences(scores, config, latents, matchTags: false));
        var result = only is null ? fresh : new Dictionary<string, float[]>(current ?? new Dictionary<string, float[]>());
        foreach (var key in only ?? [])
            if (fresh.TryGetValue(key, out var v)) result[key] = v;
        foreach (var (key, matched) in Differences(scores, config, latents, matchTags: true))
            if (IsTag(config, key) && (only is null || only.Contains(key))) result[key] = matched;
        return result;
    }

    /// <summary>
    /// For each attribute: the mean latent of items high in it (the top quarter by value, see <see cref="Quarters"/>, or
    /// those with the tag for a <c>p_TAG</c> attribute) minus that of items low in it (the bottom quarter, or those
    /// without). With <paramref name="matchTags"/>, a tag's difference is matched instead: each item is compared with
    /// the item of the other group nearest to it on the other attributes (standardised; with replacement, both ways).
    /// A plain difference would also carry whatever goes with the tag in the data (jazz solos are sparser and more
    /// syncopated than classical piano), and a walk along it would change those too.
    /// </summary>
    public static Dictionary<string, float[]> Compute(IDomainModule module, VaeConfig config, IReadOnlyList<TrainingRecord> items,
        IReadOnlyList<float[]> latents, bool matchTags = true) =>
        Differences(Scores(module, config, items), config, latents, matchTags);

    /// <summary>Each attribute's value per item: the property's value, or 1/0 for having the tag of a <c>p_TAG</c> attribute.</summary>
    private static Dictionary<string, double[]> Scores(IDomainModule module, VaeConfig config, IReadOnlyList<TrainingRecord> items)
    {
        var values = items.Select(r => module.Properties.Compute(r.Text)).ToArray();
        return module.Attributes.Select(a => a.Key).ToDictionary(key => key, key => TagOf(config, key) is { } tag
            ? items.Select(r => r.Tags.Contains(tag) ? 1.0 : 0.0).ToArray()
            : values.Select(v => v.GetValueOrDefault(key, double.NaN)).ToArray());
    }

    private static Dictionary<string, float[]> Differences(Dictionary<string, double[]> scores, VaeConfig config, IReadOnlyList<float[]> latents, bool matchTags)
    {
        var result = new Dictionary<string, float[]>();
        foreach (var (key, score) in scores)
        {
            var scored = Enumerable.Range(0, score.Length).Where(i => !double.IsNaN(score[i])).OrderBy(i => score[i]).ToArray();
            if (scored.Length < 8) continue;
            var binary = IsTag(config, key);
            var (low, high) = binary
                ? (scored.Where(i => score[i] == 0).ToArray(), scored.Where(i => score[i] == 1).ToArray())
                : Quarters(scored, score);
            if (low.Length == 0 || high.Length == 0) continue;
            if (binary && matchTags)
            {
                var others = Standardised(scores.Where(kv => kv.Key != key).Select(kv => kv.Value).ToArray(), score.Length);
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

    /// <summary>Whether <paramref name="key"/> is a tag attribute (<c>p_TAG</c> for one of the model's tags).</summary>
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
    /// Items at or below the first quartile's value and items at or above the third's (<paramref name="sorted"/> is in
    /// increasing order of <paramref name="score"/>). Ties at a quartile go in whole, never by their order in the data:
    /// most clips have a swing of exactly 1, and a group cut through them would depend on which files come first.
    /// When both quartiles have the same value, the split is at that value (below or at it, above it).
    /// </summary>
    private static (int[] Low, int[] High) Quarters(int[] sorted, double[] score)
    {
        double q1 = score[sorted[sorted.Length / 4]], q3 = score[sorted[3 * sorted.Length / 4]];
        if (q1 < q3) return (sorted.Where(i => score[i] <= q1).ToArray(), sorted.Where(i => score[i] >= q3).ToArray());
        var above = sorted.Where(i => score[i] > q1).ToArray();
        return above.Length > 0
            ? (sorted.Where(i => score[i] <= q1).ToArray(), above)
            : (sorted.Where(i => score[i] < q1).ToArray(), sorted.Where(i => score[i] >= q1).ToArray());
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
}
