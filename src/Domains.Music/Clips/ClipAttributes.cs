namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>
/// Musical attributes of a clip. Formulas and units are listed here and in <c>docs/music-attributes.md</c>;
/// a beat is a quarter note (12 grid steps).
/// </summary>
public static class ClipAttributes
{
    /// <summary>Notes per beat: note count divided by the clip length in quarter notes. Unit: notes/beat.</summary>
    public static double NoteDensity(Clip clip) =>
        clip.TotalSteps == 0 ? 0 : clip.Notes.Count / ((double)clip.TotalSteps / ClipVocabulary.StepsPerQuarter);

    /// <summary>Mean MIDI pitch of the notes (60 = middle C), 0 for an empty clip. Unit: MIDI pitch number.</summary>
    public static double MeanPitch(Clip clip) => clip.Notes.Count == 0 ? 0 : clip.Notes.Average(n => n.Pitch);

    /// <summary>Highest minus lowest pitch, 0 for an empty clip. Unit: semitones.</summary>
    public static double PitchRange(Clip clip) => clip.Notes.Count == 0 ? 0 : clip.Notes.Max(n => n.Pitch) - clip.Notes.Min(n => n.Pitch);

    /// <summary>
    /// Mean number of notes sounding, averaged over the grid steps where at least one note sounds
    /// (1 for a monophonic line), 0 for an empty clip. Unit: notes.
    /// </summary>
    public static double Polyphony(Clip clip)
    {
        var sounding = new int[Math.Max(1, clip.TotalSteps)];
        foreach (var n in clip.Notes)
        {
            for (int s = Math.Max(0, n.Step); s < Math.Min(sounding.Length, n.End); s++)
            {
                sounding[s]++;
            }
        }
        int active = sounding.Count(c => c > 0);
        return active == 0 ? 0 : (double)sounding.Sum() / active;
    }

    /// <summary>
    /// Share of onsets that are syncopated: they fall between beats (step not a multiple of 12) and the note is still
    /// sounding at the next beat. Onsets at the same step count once. Unit: fraction 0..1.
    /// </summary>
    public static double Syncopation(Clip clip)
    {
        var onsets = clip.Notes.GroupBy(n => n.Step).ToList();
        if (onsets.Count == 0)
        {
            return 0;
        }
        int q = ClipVocabulary.StepsPerQuarter;
        int syncopated = onsets.Count(g => g.Key % q != 0 && g.Max(n => n.End) > (g.Key / q + 1) * q);
        return (double)syncopated / onsets.Count;
    }

    /// <summary>
    /// Swing ratio: over beats with an onset on the beat and exactly one more onset, at step 6..9 of the beat, the mean
    /// of long/short = offset / (12 - offset): 1 straight eighths, 2 triplet swing, 3 dotted eighth + sixteenth.
    /// 1 when no beat holds such a pair. Unit: ratio.
    /// </summary>
    public static double SwingRatio(Clip clip)
    {
        int q = ClipVocabulary.StepsPerQuarter;
        var ratios = clip.Notes.Select(n => n.Step).Distinct().GroupBy(s => s / q)
            .Select(g => g.Select(s => s % q).Order().ToList())
            .Where(p => p.Count == 2 && p[0] == 0 && p[1] is >= 6 and <= 9)
            .Select(p => p[1] / (double)(q - p[1]))
            .ToList();
        return ratios.Count == 0 ? 1 : ratios.Average();
    }

    /// <summary>
    /// Key fit: the largest share of notes whose pitch class lies in one scale, over the 12 major and 12 harmonic
    /// minor scales; 0 for an empty clip. Unit: fraction 0..1.
    /// </summary>
    public static double KeyFit(Clip clip)
    {
        if (clip.Notes.Count == 0)
        {
            return 0;
        }
        var counts = new int[12];
        foreach (var n in clip.Notes)
        {
            counts[((n.Pitch % 12) + 12) % 12]++;
        }
        int[] major = [0, 2, 4, 5, 7, 9, 11], harmonicMinor = [0, 2, 3, 5, 7, 8, 11];
        int best = 0;
        for (int tonic = 0; tonic < 12; tonic++)
        {
            best = Math.Max(best, major.Sum(d => counts[(tonic + d) % 12]));
            best = Math.Max(best, harmonicMinor.Sum(d => counts[(tonic + d) % 12]));
        }
        return (double)best / clip.Notes.Count;
    }
}
