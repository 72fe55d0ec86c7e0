using LatentWorkbench.Core.Latent.Decoding;

namespace LatentWorkbench.Core.Training;

/// <summary>Held-out metrics with the greedy reconstructions they were measured from.</summary>
/// <param name="Metrics">The figures.</param>
/// <param name="Reconstructions">Greedy decodes of the posterior means, in item order (possibly only the first items).</param>
/// <param name="ByToken">How often each target token (by vocabulary id, the end token included) was predicted right.</param>
public sealed record EvaluationReport(ValidationMetrics Metrics, IReadOnlyList<DecodedSequence> Reconstructions, IReadOnlyList<TokenTally> ByToken)
{
    /// <summary>
    /// Token accuracy by kind of target token: <paramref name="kindOf"/> names the kind of each vocabulary token (null
    /// leaves it out); the end token (<paramref name="eos"/>) is its own kind, <c>end</c>.
    /// </summary>
    public IReadOnlyDictionary<string, KindAccuracy> ByKind(IReadOnlyList<string> vocabulary, Func<string, string?> kindOf, int eos)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(kindOf);
        var kinds = new Dictionary<string, TokenTally>();
        long all = ByToken.Sum(t => t.TeacherForcedTotal);
        for (int id = 0; id < ByToken.Count && id < vocabulary.Count; id++)
        {
            if (ByToken[id].TeacherForcedTotal == 0 && ByToken[id].GreedyTotal == 0) continue;
            if ((id == eos ? "end" : kindOf(vocabulary[id])) is not { } kind) continue;
            var t = kinds.GetValueOrDefault(kind);
            var u = ByToken[id];
            kinds[kind] = new TokenTally(t.TeacherForcedCorrect + u.TeacherForcedCorrect, t.TeacherForcedTotal + u.TeacherForcedTotal,
                t.GreedyCorrect + u.GreedyCorrect, t.GreedyTotal + u.GreedyTotal);
        }
        return kinds.OrderByDescending(kv => kv.Value.TeacherForcedTotal).ToDictionary(kv => kv.Key, kv => new KindAccuracy(
            Ratio(kv.Value.TeacherForcedCorrect, kv.Value.TeacherForcedTotal), Ratio(kv.Value.GreedyCorrect, kv.Value.GreedyTotal),
            Ratio(kv.Value.TeacherForcedTotal, all)));
    }

    private static double Ratio(long part, long whole) => whole == 0 ? double.NaN : (double)part / whole;
}
