using LatentWorkbench.Domains.Music.Midi;

namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>
/// Public-domain melodies (openings as commonly known, some simplified) with a left hand written from their chord
/// symbols: a waltz bass in 3/4, an Alberti bass or block chords in 2/4 and 4/4. Chords are given per bar; a bar
/// with two symbols changes chord at its middle.
/// </summary>
internal static class ClassicalSamples
{
    private enum Accompaniment { Waltz, Alberti, Block, None }

    private static readonly (string Name, string Source, int Meter, int Bpm, string Melody, string Chords, Accompaniment Style)[] Pieces =
    [
        ("ode-to-joy", "Beethoven, Symphony No. 9, finale theme", 4, 108,
            "E4q E4q F4q G4q | G4q F4q E4q D4q | C4q C4q D4q E4q | E4q. D4e D4h", "C | G | C | G", Accompaniment.Alberti),
        ("minuet-in-g", "Petzold, Minuet in G (BWV Anh. 114)", 3, 120,
            "D5q G4e A4e B4e C5e | D5q G4q G4q | E5q C5e D5e E5e F#5e | G5q G4q G4q", "G | G | C | G", Accompaniment.Waltz),
        ("twinkle-theme", "Ah vous dirai-je, maman (Mozart K. 265 theme)", 4, 100,
            "C4q C4q G4q G4q | A4q A4q G4h | F4q F4q E4q E4q | D4q D4q C4h", "C | F C | F C | G C", Accompaniment.Alberti),
        ("canon-in-d", "Pachelbel, Canon in D", 4, 72,
            "F#5h E5h | D5h C#5h | B4h A4h | B4h C#5h", "D A | Bm F#m | G D | G A", Accompaniment.Block),
        ("greensleeves", "Greensleeves (traditional)", 3, 96,
            "C5h D5q | E5q. F5e E5q | D5h B4q | G4q. A4e B4q", "Am | C | G | Em", Accompaniment.Waltz),
        ("lullaby", "after Brahms, Wiegenlied Op. 49 No. 4", 3, 84,
            "E4e E4e G4h | E4e E4e G4h | E4e G4e C5q B4q | A4q A4q G4q", "C | C | C G | F C", Accompaniment.Waltz),
        ("prelude-in-c", "Bach, Prelude in C (BWV 846), bars 1-4 as even sixteenths", 4, 66,
            "C4s E4s G4s C5s E5s G4s C5s E5s C4s E4s G4s C5s E5s G4s C5s E5s | C4s D4s A4s D5s F5s A4s D5s F5s C4s D4s A4s D5s F5s A4s D5s F5s | " +
            "B3s D4s G4s D5s F5s G4s D5s F5s B3s D4s G4s D5s F5s G4s D5s F5s | C4s E4s G4s C5s E5s G4s C5s E5s C4s E4s G4s C5s E5s G4s C5s E5s",
            "C | Dm | G | C", Accompaniment.None),
        ("eine-kleine-nachtmusik", "Mozart, Serenade K. 525, opening", 4, 132,
            "G4q R4e D4e G4q R4e D4e | G4e D4e G4e B4e D5q R4q | C5q R4e A4e C5q R4e A4e | C5e A4e F#4e A4e D4q R4q", "G | G | D | D", Accompaniment.Block),
        ("morning-mood", "Grieg, Peer Gynt: Morning Mood (in C)", 3, 60,
            "G5e E5e D5e C5e D5e E5e | G5e E5e D5e C5e D5e E5e | D5e E5e D5e E5e G5e E5e | G5e A5e E5e A5e G5e E5e", "C | C | G C | F C", Accompaniment.Waltz),
        ("old-hundredth", "Genevan Psalter 1551, Old Hundredth", 4, 80,
            "G4h G4q F#4q | E4q D4q G4q A4q | B4h B4q B4q | A4q G4q C5q B4q", "G D | C G | G | D G", Accompaniment.Block),
        ("surprise-symphony", "Haydn, Symphony No. 94, Andante theme", 2, 92,
            "C4e C4e E4e E4e | G4e G4e E4q | F4e F4e D4e D4e | B3e B3e G3q", "C | C | G | G", Accompaniment.Alberti),
        ("new-world-largo", "Dvorak, Symphony No. 9, Largo theme (in C)", 4, 60,
            "E4q. G4e G4h | E4q. D4e C4h | D4q E4q G4q E4q | D4w", "C | C | F C | G", Accompaniment.Block),
        ("joy-to-the-world", "Joy to the World (Mason, after Handel)", 4, 104,
            "C5h B4q. A4e | G4h. F4q | E4h D4h | C4h. G4q", "C | F G | C G | C", Accompaniment.Alberti),
        ("amazing-grace", "Amazing Grace (traditional)", 3, 80,
            "F4h A4e F4e | A4h G4q | F4h D4q | C4h C4q", "F | F C | Bb | F", Accompaniment.Waltz),
    ];

    public static IEnumerable<SampleClip> All() => Pieces.Select(p =>
    {
        var melody = MelodyNotation.Parse(p.Melody, 84);
        var left = LeftHand(p.Meter * 12, p.Chords, p.Style);
        const int tick = ClipMidi.Ppq / ClipVocabulary.StepsPerQuarter;
        MidiPart Part(string name, List<ClipNote> notes) => new(name, 0, 0,
            notes.Select(n => new MidiNote(n.Pitch, (long)n.Step * tick, (long)n.Duration * tick, n.Velocity, 0)).ToList());
        int bars = p.Chords.Split('|').Length;
        var parts = left.Count == 0 ? new List<MidiPart> { Part("Right hand", melody) } : [Part("Right hand", melody), Part("Left hand", left)];
        var score = new MidiScore(ClipMidi.Ppq, [new TempoChange(0, 60_000_000 / p.Bpm)], [new TimeSignatureChange(0, p.Meter, 4)],
            parts, (long)bars * p.Meter * 12 * tick);
        return new SampleClip(p.Name, "classical", p.Source, score);
    });

    private static List<ClipNote> LeftHand(int bar, string chords, Accompaniment style)
    {
        var notes = new List<ClipNote>();
        var bars = chords.Split('|', StringSplitOptions.TrimEntries);
        for (int b = 0; b < bars.Length; b++)
        {
            var symbols = bars[b].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (int c = 0; c < symbols.Length; c++)
            {
                var chord = SampleChord.Parse(symbols[c]);
                int span = bar / symbols.Length;
                int start = b * bar + c * span;
                int root = chord.Nearest(0, 45);
                int third = chord.Nearest(chord.Third, root + 6), fifth = chord.Nearest(chord.Intervals[2], root + 8);
                switch (style)
                {
                    case Accompaniment.Waltz:
                        notes.Add(new ClipNote(start, root - 12 < 28 ? root : root - 12, 12, 66));
                        for (int beat = 12; beat < span; beat += 12)
                        {
                            notes.AddRange([new ClipNote(start + beat, third, 10, 52), new ClipNote(start + beat, fifth, 10, 52)]);
                        }
                        break;
                    case Accompaniment.Alberti:
                        int[] pattern = [root, fifth, third, fifth];
                        for (int s = 0; s < span; s += 6)
                        {
                            notes.Add(new ClipNote(start + s, pattern[s / 6 % 4], 6, s % 12 == 0 ? 60 : 50));
                        }
                        break;
                    case Accompaniment.Block:
                        notes.Add(new ClipNote(start, root - 12, span, 62));
                        notes.AddRange([new ClipNote(start, root, span, 54), new ClipNote(start, third, span, 54), new ClipNote(start, fifth, span, 54)]);
                        break;
                }
            }
        }
        return notes;
    }
}
