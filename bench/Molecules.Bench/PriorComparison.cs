// Where prior samples land (issue 17's SNN): N(0, I) at several scales against samples drawn near training codes
// (an exemplar prior, p(z) = mean over training items n of N(mu_n, (t sigma_n)^2) or N(mu_n, s^2 I)). Every figure is
// taken against training molecules the exemplars leave out, never the held-out set, so the comparison can be run and
// read without touching the data the model is judged on.
using System.Text.Json;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Domains.Molecules.Evaluation;
using static LatentWorkbench.Core.Workbench.LatentVectors;

/// <summary><c>Molecules.Bench --priors</c>: validity, uniqueness, novelty and SNN of samples from several priors, a JSON line each.</summary>
internal static class PriorComparison
{
    /// <summary>Runs the comparison for the priors named in <paramref name="specs"/> (<c>normal:S</c>, <c>posterior:T</c>, <c>iso:S</c>).</summary>
    public static void Run(DomainModel model, string trainingFile, int exemplarCount, int referenceCount, int samples, IEnumerable<string> specs)
    {
        var training = model.Module.Datasets.Read(trainingFile, new DatasetOptions(Limit: 1_000_000)).Select(r => r.Text)
            .Where(t => model.Codec.TryToIds(t, out _, out _)).ToArray();
        new Random(11).Shuffle(training);
        if (training.Length < exemplarCount + referenceCount + samples)
            throw new ArgumentException($"'{trainingFile}' holds {training.Length} readable molecules; the comparison needs {exemplarCount + referenceCount + samples}.");
        var exemplars = training[..exemplarCount].Chunk(512).SelectMany(c => model.Model.Encode(c.Select(model.Codec.ToIds).ToArray())).ToArray();
        var reference = training[exemplarCount..(exemplarCount + referenceCount)];
        var metrics = new MosesMetrics();
        // The yardstick: as many real training molecules, scored against the same reference.
        var real = training[(exemplarCount + referenceCount)..(exemplarCount + referenceCount + samples)];
        Print("training molecules", null, real, real.Length, model, metrics, reference);
        foreach (var spec in specs)
        {
            var (kind, scale) = (spec.Split(':')[0], double.Parse(spec.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture));
            var random = new Random(1);
            Func<float[]> draw = kind switch
            {
                "normal" => () => Gaussian(random, model.Model.LatentSize, scale),
                "posterior" => () => Near(exemplars[random.Next(exemplars.Length)], random, scale, perDimension: true),
                "iso" => () => Near(exemplars[random.Next(exemplars.Length)], random, scale, perDimension: false),
                _ => throw new ArgumentException($"Unknown prior '{kind}' (normal:S, posterior:T or iso:S)."),
            };
            var points = model.Decode(Enumerable.Range(0, samples).Select(_ => draw()).ToArray());
            Print(kind, scale, points.Select(p => p.Valid ? p.Text : null).ToArray(), samples, model, metrics, reference);
        }
    }

    private static float[] Near(LatentCode code, Random random, double scale, bool perDimension)
    {
        var noise = Gaussian(random, code.Mean.Length, scale);
        return code.Mean.Select((m, i) => m + noise[i] * (perDimension ? MathF.Exp(0.5f * code.LogVariance[i]) : 1f)).ToArray();
    }

    private static void Print(string prior, double? scale, IReadOnlyList<string?> texts, int count, DomainModel model, MosesMetrics metrics, string[] reference)
    {
        var valid = texts.Where(t => t is not null).Select(t => t!).ToArray();
        var distinct = valid.Distinct().ToArray();
        var figures = metrics.Evaluate(texts, reference);
        // SNN of the novel samples alone: what a prior could reach if it never returned a training molecule.
        var novel = distinct.Where(t => model.Model.IsNovel(t) == true).ToArray();
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["prior"] = prior,
            ["scale"] = scale,
            ["samples"] = count,
            ["valid"] = Math.Round((double)valid.Length / count, 4),
            ["unique"] = Math.Round((double)distinct.Length / valid.Length, 4),
            ["novelty"] = Math.Round((double)novel.Length / distinct.Length, 4),
            ["snn"] = Math.Round(figures["snn"], 4),
            ["snn_novel"] = novel.Length == 0 ? null : Math.Round(metrics.Evaluate(novel, reference)["snn"], 4),
            ["intdiv1"] = Math.Round(figures["intdiv1"], 4),
            ["scaf"] = Math.Round(figures["scaf"], 4),
        }));
    }
}
