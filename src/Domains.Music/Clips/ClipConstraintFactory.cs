using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>
/// Decoding constraint for clip text: every decoded sequence follows the clip grammar (see <see cref="ClipVocabulary"/>)
/// and can always be closed within the remaining steps, so it parses with <see cref="ClipText.Parse"/> and becomes a
/// valid MIDI file.
/// </summary>
public sealed class ClipConstraintFactory : IDecodingConstraintFactory
{
    /// <inheritdoc />
    public IDecodingConstraint Create(IReadOnlyList<string> tokens, SpecialTokenIds specials)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(specials);
        var kinds = new ClipTokenKind[tokens.Count];
        var values = new int[tokens.Count];
        for (int id = 0; id < tokens.Count; id++)
        {
            bool special = id == specials.Pad || id == specials.Bos || id == specials.Eos || id == specials.Unknown;
            (kinds[id], values[id]) = special ? (ClipTokenKind.Invalid, 0) : ClipVocabulary.Classify(tokens[id]);
        }
        return new ClipConstraint(kinds, values, specials);
    }
}
