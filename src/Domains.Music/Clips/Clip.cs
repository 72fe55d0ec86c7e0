namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>
/// A short polyphonic piece (1 to <see cref="ClipVocabulary.MaxBars"/> bars) on a grid of
/// <see cref="ClipVocabulary.StepsPerQuarter"/> steps per quarter note, which holds straight, triplet and swung rhythms.
/// </summary>
/// <param name="QuartersPerBar">Bar length in quarter notes: 2, 3 or 4 (2/4, 3/4 or 6/8, 4/4).</param>
/// <param name="Bars">Number of bars.</param>
/// <param name="Notes">Notes ordered by step, then pitch.</param>
public sealed record Clip(int QuartersPerBar, int Bars, IReadOnlyList<ClipNote> Notes)
{
    /// <summary>Index (0-based) of the clip's first bar in the piece it was cut from; 0 when not cut from a piece.</summary>
    public int FirstBar { get; init; }

    /// <summary>Steps in one bar.</summary>
    public int StepsPerBar => QuartersPerBar * ClipVocabulary.StepsPerQuarter;

    /// <summary>Steps in the whole clip.</summary>
    public int TotalSteps => Bars * StepsPerBar;

    /// <summary>Whether a note sounds in every bar (a clip cut across a file's opening rest or a long pause does not).</summary>
    public bool EveryBarSounds => Enumerable.Range(0, Bars).All(b => Notes.Any(n => n.Step < (b + 1) * StepsPerBar && n.End > b * StepsPerBar));

    /// <summary>The clip moved by <paramref name="semitones"/>; <c>null</c> when a note would leave the pitch range 21..108.</summary>
    public Clip? Transpose(int semitones)
    {
        if (Notes.Any(n => n.Pitch + semitones < ClipVocabulary.MinPitch || n.Pitch + semitones > ClipVocabulary.MaxPitch))
        {
            return null;
        }
        return this with { Notes = Notes.Select(n => n with { Pitch = n.Pitch + semitones }).ToList() };
    }

    /// <summary>Value equality over the notes too (records compare lists by reference).</summary>
    public bool SameAs(Clip other) =>
        QuartersPerBar == other.QuartersPerBar && Bars == other.Bars && Notes.SequenceEqual(other.Notes);
}
