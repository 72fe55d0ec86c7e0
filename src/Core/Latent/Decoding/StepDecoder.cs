// Step-by-step GRU decoding (greedy, sampling, beam) with a per-step domain constraint applied as a mask; the steps
// themselves are DecoderCell's (libtorch, batches) and HostGru's (one sequence on the CPU).
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Models;
using static TorchSharp.torch;

namespace LatentWorkbench.Core.Latent.Decoding;

/// <summary>Decodes latent vectors into token ids. Not thread-safe: one owner (the model's worker).</summary>
internal sealed class StepDecoder : IDisposable
{
    private readonly DecoderWeights _w;
    private readonly DecoderCell _cell;
    private readonly Device _device;
    private HostGru? _host;

    public StepDecoder(DecoderWeights weights, SpecialTokenIds specials, int vocabularySize, int maxLength, Device device)
    {
        _w = weights;
        _cell = new DecoderCell(weights, device);
        Specials = specials;
        VocabularySize = vocabularySize;
        MaxLength = maxLength;
        _device = device;
    }

    public SpecialTokenIds Specials { get; }

    public int VocabularySize { get; }

    public int MaxLength { get; }

    /// <summary>
    /// Decodes each row of <paramref name="z"/> (B x Z); <paramref name="firstRow"/> is row 0's index in the caller's
    /// batch (it seeds sampled rows), and <paramref name="enough"/> ends a seed period's rows early (<see cref="LatentModel.Decode"/>).
    /// </summary>
    public DecodedSequence[] Decode(float[][] z, DecodeOptions options, IDecodingConstraint? constraint, int firstRow = 0,
        Func<int, DecodedSequence, bool>? enough = null)
    {
        if (z.Length == 0) return [];
        var maxLength = options.MaxLength > 0 ? Math.Min(options.MaxLength, MaxLength) : MaxLength;
        var active = options.Constrained ? constraint : null;
        if (options.Strategy == DecodeStrategy.Beam)
            return Beam(z, Math.Max(1, options.BeamWidth), maxLength, active);
        if (z.Length == 1 && _device.type == TorchSharp.DeviceType.CPU)
            return [Single(z[0], options with { Seed = SeedOf(options, firstRow) }, maxLength, active)];
        return Sequential(z, options, maxLength, active, firstRow, enough);
    }

    /// <summary>
    /// Greedy or sampled decoding of a batch. Sampled row b draws from its own generator, seeded <c>Seed + b</c> (or
    /// <c>Seed + b % SeedPeriod</c>), so a row's sample depends on its z and seed only, not on the other rows (a batch of
    /// one is row 0).
    /// </summary>
    private DecodedSequence[] Sequential(float[][] z, DecodeOptions options, int maxLength, IDecodingConstraint? constraint, int firstRow,
        Func<int, DecodedSequence, bool>? enough)
    {
        int batch = z.Length, vocab = VocabularySize;
        var shared = options.Strategy == DecodeStrategy.Sample ? null : new TokenChooser(vocab, Specials, options);
        var choosers = Enumerable.Range(0, batch).Select(b => shared ?? new TokenChooser(vocab, Specials,
            options with { Seed = SeedOf(options, firstRow + b) })).ToArray();
        var states = constraint is null ? null : Enumerable.Range(0, batch).Select(_ => constraint.Start()).ToArray();
        var tokens = Enumerable.Range(0, batch).Select(_ => new List<int>()).ToArray();
        var logp = new double[batch];
        var finished = new bool[batch];
        var ended = new bool[batch]; // finished, or stopped with its group
        var period = enough is not null && options.SeedPeriod > 0 ? options.SeedPeriod : 0;
        var next = new long[batch];
        Array.Fill(next, Specials.Bos);
        var logits = new float[batch * vocab];
        using var scope = NewDisposeScope();
        var (state, zProj) = _cell.Start(z);
        // The rows still decoding, in the order of the state's rows: a row that ends leaves the batch, so the steps
        // after it cost only what the rows still running need (a sampled repair's group ends at its first valid row).
        var live = Enumerable.Range(0, batch).ToArray();
        var onHost = _device.type == TorchSharp.DeviceType.CPU;
        var previous = onHost ? empty(batch, ScalarType.Int64) : null; // rewritten in place each step on the CPU
        for (int step = 0; step < maxLength && live.Length > 0; step++)
        {
            var ids = Array.ConvertAll(live, b => next[b]);
            using (var stepScope = NewDisposeScope())
            {
                if (previous is not null) previous.data<long>().CopyFrom(ids);
                var (stepLogits, nextState) = _cell.Step(ids, previous ?? tensor(ids, device: _device), state, zProj);
                CopyToHost(stepLogits, logits);
                state.Dispose();
                state = nextState.MoveToOuterDisposeScope();
            }
            for (int p = 0; p < live.Length; p++)
            {
                var b = live[p];
                if (ended[b]) continue; // its group ended earlier in this step
                var (id, lp) = choosers[b].Choose(logits.AsSpan(p * vocab, vocab), states?[b], maxLength - step);
                logp[b] += lp;
                next[b] = id;
                if (id != Specials.Eos) { tokens[b].Add(id); states?[b].Push(id); continue; }
                finished[b] = ended[b] = true;
                if (period == 0 || !enough!(b, new DecodedSequence([.. tokens[b]], true, logp[b]))) continue;
                var group = Math.Max(0, b - (firstRow + b) % period); // the first row of b's seed period
                Array.Fill(ended, true, group, Math.Min(period, batch - group));
            }
            var keep = Enumerable.Range(0, live.Length).Where(p => !ended[live[p]]).ToArray();
            if (keep.Length == live.Length) continue;
            live = keep.Select(p => live[p]).ToArray();
            if (live.Length == 0) break;
            using var index = tensor(keep.Select(p => (long)p).ToArray(), device: _device);
            var (kept, keptProj) = (state.Select(index), zProj.index_select(0, index));
            state.Dispose();
            zProj.Dispose();
            (state, zProj) = (kept, keptProj);
            if (previous is not null)
            {
                previous.Dispose();
                previous = empty(live.Length, ScalarType.Int64);
            }
        }
        return Enumerable.Range(0, batch).Select(b => new DecodedSequence([.. tokens[b]], finished[b], logp[b])).ToArray();
    }

    /// <summary>The seed of row <paramref name="row"/> of a sampled batch (<see cref="DecodeOptions.SeedPeriod"/>).</summary>
    private static int SeedOf(DecodeOptions options, int row) => options.Seed + (options.SeedPeriod > 0 ? row % options.SeedPeriod : row);

    /// <summary>One sequence on the CPU: the GRU steps run on the host (<see cref="HostGru"/>).</summary>
    private DecodedSequence Single(float[] z, DecodeOptions options, int maxLength, IDecodingConstraint? constraint)
    {
        _host ??= new HostGru(_w);
        var chooser = new TokenChooser(VocabularySize, Specials, options);
        var state = constraint?.Start();
        var (h, zProj) = _host.Start(z);
        var gh = new float[3 * _host.Hidden];
        var (chain, input) = _host.Events ? (new float[_host.Hidden], new float[3 * _host.Hidden]) : (null, null);
        var logits = new float[VocabularySize];
        var tokens = new List<int>();
        double logp = 0;
        int previous = Specials.Bos;
        for (int step = 0; step < maxLength; step++)
        {
            if (chain is null || input is null) _host.Step(previous, h, zProj, gh, logits);
            else _host.EventStep(previous, h, zProj, chain, input, gh, logits);
            var (id, lp) = chooser.Choose(logits, state, maxLength - step);
            logp += lp;
            if (id == Specials.Eos) return new DecodedSequence([.. tokens], true, logp);
            tokens.Add(id);
            state?.Push(id);
            previous = id;
        }
        return new DecodedSequence([.. tokens], false, logp);
    }

    /// <summary>
    /// The hypotheses beam search of <paramref name="width"/> keeps for each latent vector, finished ones first, then by
    /// log-probability: the decodes of each z the model finds most likely, for callers that choose among them.
    /// </summary>
    public DecodedSequence[][] Candidates(float[][] z, int width, IDecodingConstraint? constraint, Func<int, DecodedSequence, bool>? enough = null) =>
        BeamSearch(z, Math.Max(1, width), MaxLength, constraint, enough: enough)
            .Select(found => found.Select(b => new DecodedSequence([.. b.Tokens], b.Finished, b.LogProbability)).ToArray()).ToArray();

    /// <summary>Beam search for each latent vector: its best hypothesis.</summary>
    private DecodedSequence[] Beam(float[][] z, int width, int maxLength, IDecodingConstraint? constraint) =>
        BeamSearch(z, width, maxLength, constraint, bestOnly: true).Select(found => found.FirstOrDefault() is { } best
            ? new DecodedSequence([.. best.Tokens], best.Finished, best.LogProbability)
            : new DecodedSequence([], false, double.NegativeInfinity)).ToArray(); // every hypothesis hit a dead end of the constraint

    /// <summary>
    /// Beam search for several latent vectors at once: the live hypotheses of all of them are the rows of one GRU step,
    /// so a batch costs little more than one search. Each vector's search stops when it has <paramref name="width"/>
    /// finished hypotheses or none left to extend; with <paramref name="bestOnly"/>, also as soon as a finished
    /// hypothesis is at least as likely as every live one (extending a hypothesis only lowers its log-probability, so
    /// the best is then final); with <paramref name="enough"/>, also as soon as a finished hypothesis satisfies it.
    /// </summary>
    private List<BeamHypothesis>[] BeamSearch(float[][] z, int width, int maxLength, IDecodingConstraint? constraint, bool bestOnly = false,
        Func<int, DecodedSequence, bool>? enough = null)
    {
        int vocab = VocabularySize, count = z.Length;
        var chooser = new TokenChooser(vocab, Specials, DecodeOptions.Default);
        var beams = Enumerable.Range(0, count).Select(_ => new List<BeamHypothesis> { new([], 0, constraint?.Start()) }).ToArray();
        var done = Enumerable.Range(0, count).Select(_ => new List<BeamHypothesis>()).ToArray();
        var satisfied = new bool[count];
        bool Searching(int i) => beams[i].Count > 0 && done[i].Count < width && !satisfied[i]
            && !(bestOnly && done[i].Count > 0 && done[i].Max(b => b.LogProbability) >= beams[i].Max(b => b.LogProbability));
        var logits = new float[vocab];
        var rowLogProbs = new float[vocab];
        using var scope = NewDisposeScope();
        var (state, zProj) = _cell.Start(z);
        // The rows of the state: the hypotheses of every vector still searching, vector by vector.
        var owners = Enumerable.Range(0, count).ToArray();
        for (int step = 0; step < maxLength && owners.Length > 0; step++)
        {
            var live = owners.Distinct().ToArray();
            var prev = live.SelectMany(i => beams[i]).Select(b => b.Tokens.Count == 0 ? (long)Specials.Bos : b.Tokens[^1]).ToArray();
            float[] all;
            using (var stepScope = NewDisposeScope())
            {
                var rows = step == 0 ? zProj : zProj.index_select(0, tensor(owners.Select(i => (long)i).ToArray(), device: _device));
                var (stepLogits, nextState) = _cell.Step(prev, tensor(prev, device: _device), state, rows);
                all = new float[owners.Length * vocab];
                CopyToHost(stepLogits, all);
                state.Dispose();
                state = nextState.MoveToOuterDisposeScope();
            }
            var parents = new List<long>();
            var nextOwners = new List<int>();
            int row = 0;
            foreach (var i in live)
            {
                // At most this many candidates are taken below, so each hypothesis offers only its best that many tokens.
                var needed = width - done[i].Count;
                var candidates = new List<(int Parent, int Token, double Score)>(beams[i].Count * needed);
                for (int r = 0; r < beams[i].Count; r++)
                {
                    all.AsSpan((row + r) * vocab, vocab).CopyTo(logits);
                    chooser.LogProbabilities(logits, beams[i][r].State, maxLength - step, rowLogProbs);
                    foreach (var t in BestTokens(rowLogProbs, needed))
                        candidates.Add((r, t, beams[i][r].LogProbability + rowLogProbs[t]));
                }
                // Best first; ties in hypothesis order, then token order.
                candidates.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Parent != b.Parent ? a.Parent.CompareTo(b.Parent) : a.Token.CompareTo(b.Token));
                var kept = new List<BeamHypothesis>();
                var keptParents = new List<long>();
                foreach (var (parent, token, score) in candidates)
                {
                    if (kept.Count + done[i].Count >= width || satisfied[i]) break;
                    var source = beams[i][parent];
                    if (token == Specials.Eos)
                    {
                        done[i].Add(source with { LogProbability = score, Finished = true });
                        satisfied[i] |= enough?.Invoke(i, new DecodedSequence([.. source.Tokens], true, score)) ?? false;
                        continue;
                    }
                    var constraintState = source.State?.Clone();
                    constraintState?.Push(token);
                    kept.Add(new BeamHypothesis([.. source.Tokens, token], score, constraintState));
                    keptParents.Add(row + parent);
                }
                row += beams[i].Count;
                beams[i] = kept;
                if (!Searching(i)) continue;
                parents.AddRange(keptParents);
                nextOwners.AddRange(Enumerable.Repeat(i, kept.Count));
            }
            owners = [.. nextOwners];
            if (owners.Length == 0) break;
            var reordered = state.Select(tensor(parents.ToArray(), device: _device));
            state.Dispose();
            state = reordered;
        }
        return Enumerable.Range(0, count)
            .Select(i => done[i].Concat(beams[i]).OrderByDescending(b => b.Finished).ThenByDescending(b => b.LogProbability).ToList()).ToArray();
    }

    /// <summary>Ids of the <paramref name="count"/> largest finite values, largest first, lower ids first on ties.</summary>
    private static int[] BestTokens(ReadOnlySpan<float> logProbabilities, int count)
    {
        var best = new int[Math.Max(0, count)];
        int filled = 0;
        for (int t = 0; t < logProbabilities.Length; t++)
        {
            var value = logProbabilities[t];
            if (float.IsNegativeInfinity(value) || count == 0 || (filled == count && value <= logProbabilities[best[filled - 1]])) continue;
            int at = filled == count ? filled - 1 : filled++;
            while (at > 0 && logProbabilities[best[at - 1]] < value) { best[at] = best[at - 1]; at--; }
            best[at] = t;
        }
        return filled == best.Length ? best : best[..filled];
    }

    private static void CopyToHost(Tensor t, float[] destination)
    {
        if (t.device_type == TorchSharp.DeviceType.CPU && t.is_contiguous() && t.dtype == ScalarType.Float32)
        {
            t.data<float>().CopyTo(destination);
            return;
        }
        using var host = t.cpu().to(ScalarType.Float32).contiguous();
        host.data<float>().CopyTo(destination);
    }

    public void Dispose() => _w.Dispose();

    private sealed record BeamHypothesis(List<int> Tokens, double LogProbability, IConstraintState? State, bool Finished = false);
}
