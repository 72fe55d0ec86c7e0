using LatentWorkbench.Domains.Music.Midi;

namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>
/// Cuts pieces into clips of whole bars. Quantized files use their own time signatures and tick grid; performed
/// files use beat annotations (<see cref="BeatGrid"/>). Onsets and durations are rounded to 12 steps per quarter
/// (which keeps triplets and swing), percussion (channel 10) is left out, and clips with fewer than
/// <c>minNotes</c> notes are dropped.
/// </summary>
public static class ClipCutter
{
    /// <summary>Fewest notes a clip must have to be kept by default.</summary>
    public const int DefaultMinNotes = 4;

    private const int Percussion = 9;

    /// <summary>
    /// Clips of <paramref name="barsPerClip"/> bars from a quantized score, following its time signatures, or, with
    /// <paramref name="quartersPerBar"/>, in bars of that many quarters from the start whatever the file says.
    /// </summary>
    public static IReadOnlyList<Clip> Cut(MidiScore score, int barsPerClip, int minNotes = DefaultMinNotes, bool allowShorterLast = false,
        int? quartersPerBar = null)
    {
        ArgumentNullException.ThrowIfNull(score);
        double ppq = score.Ppq;
        var notes = Pitched(score).Select(n => new TimedNote(n.Start / ppq, n.End / ppq, n.Pitch, n.Velocity)).ToList();
        var bars = new List<BarSpan>();
        IReadOnlyList<TimeSignatureChange> signatures = quartersPerBar is { } forced ? [new TimeSignatureChange(0, forced, 4)]
            : score.TimeSignatures.Count > 0 ? score.TimeSignatures : [new TimeSignatureChange(0, 4, 4)];
        // Bars past the last note (plus one clip of room for trailing rests) cannot hold anything: do not list them.
        double lastNote = notes.Count == 0 ? 0 : notes.Max(n => n.End);
        double end = Math.Min(score.EndTick / ppq, lastNote + barsPerClip * 8.0);
        for (int s = 0; s < signatures.Count && bars.Count < 100_000; s++)
        {
            double from = signatures[s].Tick / ppq;
            double to = s + 1 < signatures.Count ? signatures[s + 1].Tick / ppq : end;
            double length = signatures[s].QuartersPerBar;
            for (double t = from; t < to - 1e-9 && bars.Count < 100_000; t += length)
            {
                bars.Add(new BarSpan(t, length == Math.Floor(length) ? (int)length : 0));
            }
        }
        return Windows(bars, notes, barsPerClip, minNotes, allowShorterLast);
    }

    /// <summary>
    /// Clips of a performed score whose beats are given by <paramref name="beats"/> (each beat counts as a quarter);
    /// note times are first mapped onto the table with <see cref="BeatAligner.Fit"/>.
    /// </summary>
    public static IReadOnlyList<Clip> CutAligned(MidiScore score, BeatGrid beats, int barsPerClip, int minNotes = DefaultMinNotes)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(beats);
        var map = score.TempoMap;
        var pitched = Pitched(score).ToList();
        var (scale, offset) = BeatAligner.Fit(pitched.Select(n => map.Seconds(n.Start)).ToList(), beats);
        double Beat(long tick) => beats.BeatAt(scale * map.Seconds(tick) + offset);
        var notes = pitched.Select(n => new TimedNote(Beat(n.Start), Beat(n.End), n.Pitch, n.Velocity)).ToList();
        var bars = new List<BarSpan>();
        for (int i = 0; i < beats.BarNumbers.Count;)
        {
            int j = i;
            while (j < beats.BarNumbers.Count && beats.BarNumbers[j] == beats.BarNumbers[i])
            {
                j++;
            }
            bars.Add(new BarSpan(i, j - i));
            i = j;
        }
        return Windows(bars, notes, barsPerClip, minNotes, false);
    }

    private static IEnumerable<MidiNote> Pitched(MidiScore score) =>
        score.Parts.SelectMany(p => p.Notes).Where(n => n.Channel != Percussion).OrderBy(n => n.Start);

    private static List<Clip> Windows(List<BarSpan> bars, List<TimedNote> notes, int barsPerClip, int minNotes, bool allowShorterLast)
    {
        notes.Sort((a, b) => a.Start.CompareTo(b.Start));
        var clips = new List<Clip>();
        int first = 0;
        for (int b = 0; b < bars.Count;)
        {
            int meter = bars[b].Quarters;
            int count = 1;
            while (count < barsPerClip && b + count < bars.Count && bars[b + count].Quarters == meter)
            {
                count++;
            }
            bool complete = count == barsPerClip || (allowShorterLast && b + count == bars.Count);
            if (ClipVocabulary.Meters.Contains(meter) && complete)
            {
                double start = bars[b].Start;
                int totalSteps = count * meter * ClipVocabulary.StepsPerQuarter;
                // Notes are sorted by start: skip those before the window, take those whose rounded onset falls in it.
                while (first < notes.Count && Step(notes[first].Start, start) < 0)
                {
                    first++;
                }
                var clipNotes = new List<ClipNote>();
                for (int k = first; k < notes.Count && Step(notes[k].Start, start) < totalSteps; k++)
                {
                    int step = Step(notes[k].Start, start);
                    int duration = Math.Max(1, Step(notes[k].End, start) - step);
                    clipNotes.Add(new ClipNote(step, notes[k].Pitch, Math.Min(duration, totalSteps - step), notes[k].Velocity));
                }
                if (clipNotes.Count >= minNotes && clipNotes.Count > 0 || minNotes == 0)
                {
                    clips.Add(new Clip(meter, count, clipNotes.OrderBy(n => n.Step).ThenBy(n => n.Pitch).ToList()) { FirstBar = b });
                }
            }
            b += count;
        }
        return clips;
    }

    private static int Step(double quarters, double windowStart) =>
        (int)Math.Round((quarters - windowStart) * ClipVocabulary.StepsPerQuarter);

    private readonly record struct BarSpan(double Start, int Quarters);

    private readonly record struct TimedNote(double Start, double End, int Pitch, int Velocity);
}
