// Sample-quality metrics as MOSES defines them (Polykovskiy et al. 2020): uniqueness@k, internal diversity
// (IntDiv_p = 1 - (mean pairwise Tanimoto^p)^(1/p)), similarity to the nearest neighbour in a reference set (SNN)
// and cosine similarity of Bemis-Murcko scaffold counts (Scaf), all on Morgan radius-2 1024-bit fingerprints.
using System.Numerics;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Domains.Molecules.Chemistry;
using LatentWorkbench.Domains.Molecules.Smiles;

namespace LatentWorkbench.Domains.Molecules.Evaluation;

/// <summary>MOSES-style metrics for <c>latent evaluate --domain molecules</c>.</summary>
public sealed class MosesMetrics : IDomainEvaluator
{
    private const int Bits = 1024;

    /// <inheritdoc/>
    public string? TokenKind(string token) => SmilesToken.Classify(token).Kind switch
    {
        SmilesTokenKind.Atom => "atom",
        SmilesTokenKind.Bond => "bond",
        SmilesTokenKind.BranchOpen or SmilesTokenKind.BranchClose => "branch",
        SmilesTokenKind.Ring => "ring",
        _ => null,
    };

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> Evaluate(IReadOnlyList<string?> samples, IReadOnlyList<string> heldOut)
    {
        var valid = samples.Where(s => s is not null).Select(s => s!).ToArray();
        var unique = valid.Distinct().ToArray();
        var generated = unique.Select(Parse).Where(m => m is not null).Select(m => m!).ToArray();
        var reference = heldOut.Select(Parse).Where(m => m is not null).Select(m => m!).ToArray();
        var fpGenerated = generated.Select(m => MorganFingerprint.Compute(m, 2, Bits).Words).ToArray();
        var fpReference = reference.Select(m => MorganFingerprint.Compute(m, 2, Bits).Words).ToArray();
        return new Dictionary<string, double>
        {
            ["unique_1k"] = UniqueAt(valid, 1000),
            ["unique_10k"] = UniqueAt(valid, 10000),
            ["intdiv1"] = InternalDiversity(fpGenerated, 1),
            ["intdiv2"] = InternalDiversity(fpGenerated, 2),
            ["snn"] = fpGenerated.Length == 0 || fpReference.Length == 0 ? double.NaN
                : fpGenerated.AsParallel().Average(g => fpReference.Max(r => Tanimoto(g, r))),
            ["scaf"] = ScaffoldCosine(generated, reference),
        };
    }

    /// <summary>Share of distinct items among the first <paramref name="k"/> valid ones (NaN when fewer exist).</summary>
    public static double UniqueAt(IReadOnlyList<string> valid, int k) =>
        valid.Count < k ? (valid.Count == 0 ? double.NaN : (double)valid.Distinct().Count() / valid.Count)
            : (double)valid.Take(k).Distinct().Count() / k;

    /// <summary>1 - (mean over all pairs, self-pairs included as MOSES does, of Tanimoto^p)^(1/p).</summary>
    public static double InternalDiversity(IReadOnlyList<ulong[]> fingerprints, int p)
    {
        if (fingerprints.Count == 0) return double.NaN;
        var sum = Enumerable.Range(0, fingerprints.Count).AsParallel()
            .Sum(i => fingerprints.Sum(other => Math.Pow(Tanimoto(fingerprints[i], other), p)));
        return 1 - Math.Pow(sum / ((double)fingerprints.Count * fingerprints.Count), 1.0 / p);
    }

    /// <summary>Cosine similarity of scaffold frequency vectors.</summary>
    public static double ScaffoldCosine(IEnumerable<Molecule> generated, IEnumerable<Molecule> reference)
    {
        var a = generated.GroupBy(MurckoScaffold.Of).ToDictionary(g => g.Key, g => (double)g.Count());
        var b = reference.GroupBy(MurckoScaffold.Of).ToDictionary(g => g.Key, g => (double)g.Count());
        double dot = a.Sum(kv => kv.Value * b.GetValueOrDefault(kv.Key));
        double na = Math.Sqrt(a.Values.Sum(v => v * v)), nb = Math.Sqrt(b.Values.Sum(v => v * v));
        return na == 0 || nb == 0 ? double.NaN : dot / (na * nb);
    }

    private static double Tanimoto(ulong[] a, ulong[] b)
    {
        int both = 0, either = 0;
        for (int i = 0; i < a.Length; i++)
        {
            both += BitOperations.PopCount(a[i] & b[i]);
            either += BitOperations.PopCount(a[i] | b[i]);
        }
        return either == 0 ? 1 : (double)both / either;
    }

    private static Molecule? Parse(string smiles)
    {
        var result = Molecule.TryParse(smiles);
        return result.IsValid ? result.Molecule : null;
    }
}
