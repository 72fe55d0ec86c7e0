using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>The clip grammar over one vocabulary: token ids classified once, a fresh state per sequence.</summary>
internal sealed class ClipConstraint(ClipTokenKind[] kinds, int[] values, SpecialTokenIds specials) : IDecodingConstraint
{
    public IConstraintState Start() => new ClipConstraintState(kinds, values, specials, new ClipGrammar(false));
}
