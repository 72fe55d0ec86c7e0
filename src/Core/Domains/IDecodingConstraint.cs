namespace LatentWorkbench.Core.Domains;

/// <summary>Creates decoding constraints for a model's vocabulary.</summary>
public interface IDecodingConstraintFactory
{
    /// <summary>A constraint for <paramref name="tokens"/> (index = token id; special tokens included).</summary>
    IDecodingConstraint Create(IReadOnlyList<string> tokens, SpecialTokenIds specials);
}

/// <summary>Ids of the special tokens in a vocabulary.</summary>
public sealed record SpecialTokenIds(int Pad, int Bos, int Eos, int Unknown);

/// <summary>A decoding constraint: starts a fresh state for each decoded sequence.</summary>
public interface IDecodingConstraint
{
    /// <summary>State for a new sequence (nothing decoded yet).</summary>
    IConstraintState Start();
}

/// <summary>
/// Per-sequence state of a decoding constraint. The decoder asks which tokens may come next, picks one, then
/// pushes it. Keeping the state incremental keeps each step O(vocabulary).
/// </summary>
public interface IConstraintState
{
    /// <summary>Sets <c>allowed[id]</c> to whether token <c>id</c> may come next (end of sequence included).</summary>
    void FillAllowed(Span<bool> allowed, int remainingSteps);

    /// <summary>Records that token <paramref name="id"/> was chosen.</summary>
    void Push(int id);

    /// <summary>An independent copy (for beam search).</summary>
    IConstraintState Clone();
}
