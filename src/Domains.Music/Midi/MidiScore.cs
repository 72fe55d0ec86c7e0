namespace LatentWorkbench.Domains.Music.Midi;

/// <summary>
/// A piece as notes: parts with programs, the tempo map and the time signatures. Built from a <see cref="MidiFile"/>
/// with <see cref="FromFile"/> and written back with <see cref="MidiWriter.Write"/>.
/// </summary>
/// <param name="Ppq">Ticks per quarter note.</param>
/// <param name="Tempos">Tempo changes ordered by tick (empty = 120 BPM).</param>
/// <param name="TimeSignatures">Time signatures ordered by tick (empty = 4/4).</param>
/// <param name="Parts">Instrument parts.</param>
/// <param name="EndTick">Last tick of the piece (at least the end of the last note).</param>
public sealed record MidiScore(int Ppq, IReadOnlyList<TempoChange> Tempos, IReadOnlyList<TimeSignatureChange> TimeSignatures,
    IReadOnlyList<MidiPart> Parts, long EndTick)
{
    /// <summary>The tempo map of this score (ticks to seconds).</summary>
    public TempoMap TempoMap => new(Ppq, Tempos);

    /// <summary>All notes of all parts ordered by start, then pitch.</summary>
    public IReadOnlyList<MidiNote> AllNotes() =>
        Parts.SelectMany(p => p.Notes).OrderBy(n => n.Start).ThenBy(n => n.Pitch).ToList();

    /// <summary>Reads a file's bytes into a score (sustain pedal applied).</summary>
    public static MidiScore FromBytes(byte[] bytes) => FromFile(MidiReader.Read(bytes));

    /// <summary>
    /// Builds notes from a file's events: a note on with velocity 0 ends a note; overlapping notes of the same pitch
    /// and channel end first-in first-out; with <paramref name="applySustain"/> a note released while the sustain
    /// pedal (CC64 &gt;= 64) is down sounds until the pedal is lifted or the same key is struck again.
    /// Format 0 files give a part per channel; formats 1 and 2 a part per track and channel (format 2 sequences are
    /// laid over each other from tick 0, with one merged tempo map). Key signatures and texts: <see cref="MidiMetaEvents"/>.
    /// </summary>
    public static MidiScore FromFile(MidiFile file, bool applySustain = true) => ScoreBuilder.Build(file, applySustain);
}
