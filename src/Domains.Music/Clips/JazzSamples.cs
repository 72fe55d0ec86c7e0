using LatentWorkbench.Domains.Music.Midi;

namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>
/// Original jazz samples generated from chord progressions: rootless-voicing piano comping on swung rhythms,
/// a walking bass (root on the chord's first beat, chord tones, a chromatic approach to the next root) and a swung
/// eighth-note solo line from the chord scales with occasional triplets. Seeded, so the files never change.
/// </summary>
internal static class JazzSamples
{
    private const int Bar = 48;

    private static readonly (string Name, string Title, string Changes, int Bpm, int SoloProgram)[] Tunes =
    [
        ("ii-v-i-in-c", "ii-V-I in C", "Dm7 | G7 | Cmaj7 | Cmaj7", 132, 65),
        ("ii-v-i-in-f", "ii-V-I in F", "Gm7 | C7 | Fmaj7 | Fmaj7", 160, 56),
        ("ii-v-i-in-eb", "ii-V-I in Eb", "Fm7 | Bb7 | Ebmaj7 | Ebmaj7", 120, 66),
        ("minor-ii-v-i-in-c", "Minor ii-V-i in C", "Dm7b5 | G7 | Cm7 | Cm7", 144, 65),
        ("blues-in-f-first-line", "Blues in F, first line", "F7 | Bb7 | F7 | F7", 126, 56),
        ("blues-in-f-second-line", "Blues in F, second line", "Bb7 | Bb7 | F7 | D7", 126, 66),
        ("blues-in-f-turnaround", "Blues in F, turnaround", "Gm7 | C7 | F7 D7 | Gm7 C7", 126, 65),
        ("rhythm-changes-a", "Rhythm changes, A section", "Bbmaj7 G7 | Cm7 F7 | Dm7 G7 | Cm7 F7", 184, 66),
        ("backdoor-to-db", "Backdoor ii-V to Db", "Ebmaj7 | Ebm7 Ab7 | Dbmaj7 | Dm7b5 G7", 112, 56),
        ("ii-v-i-in-g-to-vi", "ii-V-I in G, to vi", "Am7 | D7 | Gmaj7 | E7", 150, 65),
        ("i-vi-ii-v-in-c", "I-vi-ii-V in C", "Cmaj7 A7 | Dm7 G7 | Em7 A7 | Dm7 G7", 168, 66),
        ("minor-ii-v-i-in-d", "Minor ii-V-i in D", "Em7b5 | A7 | Dm7 | Dm7", 138, 56),
    ];

    public static IEnumerable<SampleClip> All() => Tunes.Select((t, i) => Build(t.Name, t.Changes, t.Bpm, t.SoloProgram, 1000 + i) with { Title = $"{t.Title} (comping, bass and solo)" });

    private static SampleClip Build(string name, string changes, int bpm, int soloProgram, int seed)
    {
        var rng = new Random(seed);
        // (start step, length in steps, chord) for each chord of the progression.
        var chords = new List<(int Start, int Length, SampleChord Chord)>();
        var bars = changes.Split('|', StringSplitOptions.TrimEntries);
        for (int b = 0; b < bars.Length; b++)
        {
            var symbols = bars[b].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (int c = 0; c < symbols.Length; c++)
            {
                chords.Add((b * Bar + c * Bar / symbols.Length, Bar / symbols.Length, SampleChord.Parse(symbols[c])));
            }
        }
        var comping = Comping(chords, rng);
        var bass = WalkingBass(chords, rng);
        var solo = Solo(chords, rng);
        const int tick = ClipMidi.Ppq / ClipVocabulary.StepsPerQuarter;
        MidiPart Part(string part, int channel, int program, List<ClipNote> notes) => new(part, channel, program,
            notes.Select(n => new MidiNote(n.Pitch, (long)n.Step * tick, (long)n.Duration * tick, n.Velocity, channel)).ToList());
        var score = new MidiScore(ClipMidi.Ppq, [new TempoChange(0, 60_000_000 / bpm)], [new TimeSignatureChange(0, 4, 4)],
            [Part("Piano", 0, 0, comping), Part("Bass", 1, 32, bass), Part("Solo", 2, soloProgram, solo)], (long)bars.Length * Bar * tick);
        return new SampleClip(name, "jazz", $"Original comping, walking bass and solo over {changes} at {bpm} BPM", score);
    }

    private static List<ClipNote> Comping(List<(int Start, int Length, SampleChord Chord)> chords, Random rng)
    {
        // Swung comping rhythms within a chord's span: (offset, length) pairs; 20 = the swung "and" of beat 2.
        (int, int)[][] rhythms = [[(0, 14), (20, 10)], [(8, 12), (32, 12)], [(0, 22)], [(20, 16)], [(0, 8), (32, 14)]];
        var notes = new List<ClipNote>();
        foreach (var (start, length, chord) in chords)
        {
            var rhythm = rhythms[rng.Next(rhythms.Length)].Where(r => r.Item1 < length).ToArray();
            // Rootless voicing: 3rd, 7th and 9th (13th on dominants) around middle C.
            int third = chord.Nearest(chord.Third, 57);
            int[] voicing = [third, chord.Nearest(chord.Seventh, third + 5), chord.Nearest(chord.Dominant ? 9 : 2, third + 8)];
            foreach (var (offset, len) in rhythm)
            {
                int velocity = 58 + rng.Next(16);
                notes.AddRange(voicing.Distinct().Select(p => new ClipNote(start + offset, p, Math.Min(len, length - offset), velocity)));
            }
        }
        return notes;
    }

    private static List<ClipNote> WalkingBass(List<(int Start, int Length, SampleChord Chord)> chords, Random rng)
    {
        var notes = new List<ClipNote>();
        for (int c = 0; c < chords.Count; c++)
        {
            var (start, length, chord) = chords[c];
            var next = chords[(c + 1) % chords.Count].Chord;
            int root = chord.Nearest(0, 40);
            int nextRoot = next.Nearest(0, 40);
            int beats = length / 12;
            for (int beat = 0; beat < beats; beat++)
            {
                int pitch = beat == 0 ? root
                    : beat == beats - 1 ? nextRoot + (rng.Next(2) == 0 ? -1 : 1)
                    : chord.Nearest(chord.Intervals[1 + rng.Next(chord.Intervals.Length - 1)], root + 5);
                notes.Add(new ClipNote(start + beat * 12, pitch, 11, 84 + rng.Next(12) - (beat % 2) * 6));
            }
        }
        return notes;
    }

    private static List<ClipNote> Solo(List<(int Start, int Length, SampleChord Chord)> chords, Random rng)
    {
        var notes = new List<ClipNote>();
        int pitch = 67;
        int end = chords[^1].Start + chords[^1].Length;
        for (int beat = 0; beat < end / 12 - 1; beat++)
        {
            var chord = chords.Last(c => c.Start <= beat * 12).Chord;
            if (rng.NextDouble() < 0.12)
            {
                continue;
            }
            // Swung eighths (long 8, short 4) or, now and then, an eighth-note triplet.
            int[] offsets = rng.NextDouble() < 0.15 ? [0, 4, 8] : [0, 8];
            foreach (int offset in offsets)
            {
                int move = rng.Next(-3, 4);
                var scale = chord.Scale;
                pitch = Math.Clamp(chord.Nearest(scale[rng.Next(scale.Length)], pitch + move), 60, 84);
                int length = offsets.Length == 3 ? 4 : offset == 0 ? 8 : 4;
                notes.Add(new ClipNote(beat * 12 + offset, pitch, length, 78 + (offset > 0 ? 12 : 0) + rng.Next(10)));
            }
        }
        var last = chords[^1].Chord;
        notes.Add(new ClipNote(end - 12, last.Nearest(last.Third, pitch), 12, 88));
        return notes;
    }
}
