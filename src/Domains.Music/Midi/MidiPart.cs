namespace LatentWorkbench.Domains.Music.Midi;

/// <summary>The notes of one instrument: a track (and channel) of a file, with its General MIDI program.</summary>
/// <param name="Name">Track name, or empty.</param>
/// <param name="Channel">MIDI channel 0..15 (9 is percussion).</param>
/// <param name="Program">General MIDI program 0..127 (0 = acoustic grand piano, 32 = acoustic bass).</param>
/// <param name="Notes">Notes ordered by start, then pitch.</param>
public sealed record MidiPart(string Name, int Channel, int Program, IReadOnlyList<MidiNote> Notes);
