namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>A note of a clip on the 12-steps-per-quarter grid.</summary>
/// <param name="Step">Onset in steps from the start of the clip (12 steps = one quarter note).</param>
/// <param name="Pitch">MIDI pitch (21..108 in clip text).</param>
/// <param name="Duration">Length in steps, at least 1.</param>
/// <param name="Velocity">MIDI velocity 1..127.</param>
public sealed record ClipNote(int Step, int Pitch, int Duration, int Velocity)
{
    /// <summary>Step where the note stops sounding.</summary>
    public int End => Step + Duration;
}
