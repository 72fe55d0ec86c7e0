using LatentWorkbench.Domains.Music.Midi;

namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>Converts between clips, clip text and MIDI files.</summary>
public static class ClipMidi
{
    /// <summary>Ticks per quarter note of files written from clips (40 ticks per grid step).</summary>
    public const int Ppq = 480;

    private const int TicksPerStep = Ppq / ClipVocabulary.StepsPerQuarter;

    /// <summary>A one-part score of <paramref name="clip"/> at <paramref name="bpm"/> with General MIDI <paramref name="program"/>.</summary>
    public static MidiScore ToScore(Clip clip, double bpm = 120, int program = 0)
    {
        ArgumentNullException.ThrowIfNull(clip);
        int us = (int)Math.Round(60_000_000 / Math.Clamp(bpm, 20, 400));
        var notes = clip.Notes
            .Select(n => new MidiNote(Math.Clamp(n.Pitch, 0, 127), (long)n.Step * TicksPerStep, (long)Math.Max(1, n.Duration) * TicksPerStep, Math.Clamp(n.Velocity, 1, 127), 0))
            .OrderBy(n => n.Start).ThenBy(n => n.Pitch).ToList();
        long end = Math.Max((long)clip.TotalSteps * TicksPerStep, notes.Select(n => n.End).DefaultIfEmpty(0).Max());
        return new MidiScore(Ppq, [new TempoChange(0, us)], [new TimeSignatureChange(0, clip.QuartersPerBar, 4)],
            [new MidiPart("Clip", 0, Math.Clamp(program, 0, 127), notes)], end);
    }

    /// <summary>
    /// One score that plays <paramref name="clips"/> one after another at <paramref name="bpm"/>, each taking its full
    /// bars (so clip k starts at the sum of the earlier clips' <see cref="Seconds"/>), with a time signature at each.
    /// </summary>
    public static MidiScore Sequence(IReadOnlyList<Clip> clips, double bpm = 120, int program = 0)
    {
        ArgumentNullException.ThrowIfNull(clips);
        if (clips.Count == 0) throw new ArgumentException("A sequence needs at least one clip.", nameof(clips));
        var notes = new List<MidiNote>();
        var signatures = new List<TimeSignatureChange>();
        long offset = 0;
        foreach (var clip in clips)
        {
            var part = ToScore(clip, bpm, program).Parts[0];
            if (signatures.Count == 0 || signatures[^1].Numerator != clip.QuartersPerBar) signatures.Add(new TimeSignatureChange(offset, clip.QuartersPerBar, 4));
            notes.AddRange(part.Notes.Select(n => n with { Start = n.Start + offset, Duration = Math.Min(n.Duration, (long)clip.TotalSteps * TicksPerStep - n.Start) }));
            offset += (long)clip.TotalSteps * TicksPerStep;
        }
        var first = ToScore(clips[0], bpm, program);
        return first with { TimeSignatures = signatures, Parts = [first.Parts[0] with { Notes = notes }], EndTick = offset };
    }

    /// <summary>How long <paramref name="clip"/>'s bars last at <paramref name="bpm"/>, in seconds.</summary>
    public static double Seconds(Clip clip, double bpm = 120)
    {
        ArgumentNullException.ThrowIfNull(clip);
        return clip.TotalSteps / (double)ClipVocabulary.StepsPerQuarter * 60 / Math.Clamp(bpm, 20, 400);
    }

    /// <summary>The bytes of a format 1 MIDI file of <paramref name="clip"/>.</summary>
    public static byte[] ToMidiBytes(Clip clip, double bpm = 120, int program = 0) => MidiWriter.Write(ToScore(clip, bpm, program));

    /// <summary>The MIDI file of clip text; throws <see cref="FormatException"/> naming the bad token and its position.</summary>
    public static byte[] TextToMidiBytes(string text, double bpm = 120, int program = 0)
    {
        var parsed = ClipText.Parse(text);
        return parsed.Clip is { } clip
            ? ToMidiBytes(clip, bpm, program)
            : throw new FormatException($"{parsed.Error} at character {parsed.Position}");
    }

    /// <summary>
    /// The first clip (up to <paramref name="bars"/> bars, kept even when nearly empty) of a MIDI file on its own grid.
    /// Throws <see cref="MidiFormatException"/> for unreadable files and <see cref="FormatException"/> when no bar of
    /// a supported meter (2/4, 3/4, 4/4, 6/8) is found.
    /// </summary>
    public static Clip FromMidiBytes(byte[] bytes, int bars = ClipVocabulary.MaxBars)
    {
        var score = MidiScore.FromBytes(bytes);
        var clips = ClipCutter.Cut(score, Math.Clamp(bars, 1, ClipVocabulary.MaxBars), minNotes: 0, allowShorterLast: true);
        return clips.Count > 0 ? clips[0] : throw new FormatException("the file has no bar in 2/4, 3/4, 4/4 or 6/8");
    }

    /// <summary>Clip text of the first clip of a MIDI file (see <see cref="FromMidiBytes"/>).</summary>
    public static string MidiBytesToText(byte[] bytes, int bars = ClipVocabulary.MaxBars) => ClipText.ToText(FromMidiBytes(bytes, bars));
}
