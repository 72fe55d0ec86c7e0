namespace LatentWorkbench.Domains.Music.Midi;

/// <summary>A sounding note built from a note on and its matching note off (sustain pedal applied when asked).</summary>
/// <param name="Pitch">MIDI pitch 0..127 (60 = middle C).</param>
/// <param name="Start">Onset in ticks.</param>
/// <param name="Duration">Length in ticks (0 when the note off came at the same tick).</param>
/// <param name="Velocity">Note-on velocity 1..127.</param>
/// <param name="Channel">MIDI channel 0..15.</param>
public sealed record MidiNote(int Pitch, long Start, long Duration, int Velocity, int Channel)
{
    /// <summary>Tick where the note stops sounding.</summary>
    public long End => Start + Duration;
}
