using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>
/// Incremental state of the clip constraint. A token is allowed when the grammar accepts it and the sequence can
/// still be closed within the remaining steps; end of sequence is allowed once the sequence is well formed. When the
/// budget is too small for any token, the tokens that lead to the nearest closable state are allowed instead.
/// Pushing the beginning-of-sequence id is ignored; after end of sequence only end of sequence is allowed.
/// </summary>
internal sealed class ClipConstraintState(ClipTokenKind[] kinds, int[] values, SpecialTokenIds specials, ClipGrammar grammar) : IConstraintState
{
    private readonly int eos = specials.Eos;
    private bool _ended;

    public void FillAllowed(Span<bool> allowed, int remainingSteps)
    {
        allowed.Clear();
        int n = Math.Min(allowed.Length, kinds.Length);
        bool any = false;
        if (_ended)
        {
            if (eos >= 0 && eos < allowed.Length)
            {
                allowed[eos] = true;
            }
            return;
        }
        if (grammar.Closable && remainingSteps >= 1 && eos >= 0 && eos < allowed.Length)
        {
            allowed[eos] = true;
            any = true;
        }
        int best = int.MaxValue;
        for (int id = 0; id < n; id++)
        {
            var kind = kinds[id];
            if (kind == ClipTokenKind.Invalid || !grammar.Accepts(kind, values[id]))
            {
                continue;
            }
            int cost = ClipGrammar.CostAfter(kind);
            best = Math.Min(best, cost);
            if (cost <= remainingSteps - 1)
            {
                allowed[id] = true;
                any = true;
            }
        }
        if (any)
        {
            return;
        }
        for (int id = 0; id < n; id++)
        {
            var kind = kinds[id];
            allowed[id] = kind != ClipTokenKind.Invalid && grammar.Accepts(kind, values[id]) && ClipGrammar.CostAfter(kind) == best;
        }
    }

    public void Push(int id)
    {
        if (id == eos)
        {
            _ended = true;
            return;
        }
        if (id == specials.Bos)
        {
            return;
        }
        if (_ended || id < 0 || id >= kinds.Length || kinds[id] == ClipTokenKind.Invalid || !grammar.Accepts(kinds[id], values[id]))
        {
            throw new ArgumentException($"token id {id} is not allowed in this state", nameof(id));
        }
        grammar.Push(kinds[id], values[id]);
    }

    public IConstraintState Clone() => new ClipConstraintState(kinds, values, specials, grammar.Clone()) { _ended = _ended };
}
