using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>The musical attributes of <see cref="ClipAttributes"/> over clip text.</summary>
public sealed class MusicPropertyCalculator : IPropertyCalculator
{
    private static readonly (PropertyDefinition Definition, Func<Clip, double> Compute)[] Table =
    [
        (new("note_density", "Note density", "notes/beat", Better.Neither, "Notes per quarter-note beat."), ClipAttributes.NoteDensity),
        (new("mean_pitch", "Mean pitch", "MIDI pitch", Better.Neither, "Average MIDI pitch (60 = middle C)."), ClipAttributes.MeanPitch),
        (new("pitch_range", "Pitch range", "semitones", Better.Neither, "Highest minus lowest pitch."), ClipAttributes.PitchRange),
        (new("polyphony", "Polyphony", "notes", Better.Neither, "Mean simultaneous notes while any note sounds."), ClipAttributes.Polyphony),
        (new("syncopation", "Syncopation", "fraction", Better.Neither, "Share of onsets between beats held across the next beat."), ClipAttributes.Syncopation),
        (new("swing", "Swing ratio", "ratio", Better.Neither, "Long/short ratio of eighth pairs (1 straight, 2 triplet swing)."), ClipAttributes.SwingRatio),
        (new("key_fit", "Key fit", "fraction", Better.Neither, "Share of notes in the best-fitting major or harmonic minor scale."), ClipAttributes.KeyFit),
    ];

    /// <inheritdoc />
    public IReadOnlyList<PropertyDefinition> Definitions { get; } = Table.Select(t => t.Definition).ToList();

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Compute(string text)
    {
        var parsed = ClipText.Parse(text);
        return parsed.Clip is { } clip ? ComputeClip(clip) : new Dictionary<string, double>();
    }

    /// <summary>The attribute values of a clip, keyed by <see cref="PropertyDefinition.Key"/>.</summary>
    public static IReadOnlyDictionary<string, double> ComputeClip(Clip clip) =>
        Table.ToDictionary(t => t.Definition.Key, t => t.Compute(clip));
}
