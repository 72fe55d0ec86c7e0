namespace LatentWorkbench.Domains.Music.Clips;

/// <summary>
/// The clip token grammar as an incremental state machine, shared by the text parser and the decoding constraint:
/// meter first, at most <see cref="ClipVocabulary.MaxBars"/> bars, positions increasing within a bar, pitches
/// increasing within a position, every note complete (pitch, duration, velocity), a duration never past the last
/// possible bar, no key struck again while it still sounds (MIDI could not tell the two notes apart), and at most <see cref="ClipVocabulary.MaxPolyphony"/> notes sounding at once.
/// </summary>
internal sealed class ClipGrammar
{
    private enum Phase { Start, AfterMeter, AfterBar, AfterPosition, AfterPitch, AfterDuration, AfterNote }

    private Phase _phase = Phase.Start;
    private int _stepsPerBar;
    private int _bars;
    private int _position = -1;
    private int _pitch = -1;
    private int _duration;
    private List<(int End, int Pitch)> _ends = [];
    private List<ClipNote>? _notes;

    public ClipGrammar(bool collectNotes) => _notes = collectNotes ? [] : null;

    /// <summary>Whether the sequence so far can end here.</summary>
    public bool Closable => _phase is Phase.AfterBar or Phase.AfterNote;

    public IReadOnlyList<ClipNote> Notes => _notes ?? [];

    public int QuartersPerBar => _stepsPerBar / ClipVocabulary.StepsPerQuarter;

    public int Bars => _bars;

    /// <summary>Fewest tokens (end of sequence included) that close the sequence from the current state.</summary>
    public int CostToClose => Cost(_phase);

    public bool Accepts(ClipTokenKind kind, int value) => kind switch
    {
        ClipTokenKind.Meter => _phase == Phase.Start,
        ClipTokenKind.Bar => _phase is Phase.AfterMeter or Phase.AfterBar or Phase.AfterNote && _bars < ClipVocabulary.MaxBars,
        ClipTokenKind.Position => _phase is Phase.AfterBar or Phase.AfterNote && value > _position && value < _stepsPerBar
            && Sounding(Absolute(value)) < ClipVocabulary.MaxPolyphony,
        ClipTokenKind.Pitch => (_phase == Phase.AfterPosition || (_phase == Phase.AfterNote && value > _pitch))
            && Sounding(Absolute(_position)) < ClipVocabulary.MaxPolyphony && !IsSounding(value, Absolute(_position)),
        ClipTokenKind.Duration => _phase == Phase.AfterPitch && Absolute(_position) + value <= ClipVocabulary.MaxBars * _stepsPerBar,
        ClipTokenKind.Velocity => _phase == Phase.AfterDuration,
        _ => false,
    };

    /// <summary>Cost to close after pushing a token of <paramref name="kind"/> (which must be accepted).</summary>
    public static int CostAfter(ClipTokenKind kind) => Cost(Next(kind));

    public void Push(ClipTokenKind kind, int value)
    {
        switch (kind)
        {
            case ClipTokenKind.Meter:
                _stepsPerBar = value * ClipVocabulary.StepsPerQuarter;
                break;
            case ClipTokenKind.Bar:
                _bars++;
                _position = -1;
                _pitch = -1;
                break;
            case ClipTokenKind.Position:
                _position = value;
                _pitch = -1;
                int now = Absolute(value);
                _ends.RemoveAll(e => e.End <= now);
                break;
            case ClipTokenKind.Pitch:
                _pitch = value;
                break;
            case ClipTokenKind.Duration:
                _duration = value;
                break;
            case ClipTokenKind.Velocity:
                _ends.Add((Absolute(_position) + _duration, _pitch));
                _notes?.Add(new ClipNote(Absolute(_position), _pitch, _duration, ClipVocabulary.VelocityBins[value - 1]));
                break;
        }
        _phase = Next(kind);
    }

    public ClipGrammar Clone()
    {
        var copy = (ClipGrammar)MemberwiseClone();
        copy._ends = [.. _ends];
        copy._notes = _notes is null ? null : [.. _notes];
        return copy;
    }

    private int Absolute(int position) => (_bars - 1) * _stepsPerBar + position;

    private int Sounding(int step)
    {
        int n = 0;
        foreach (var (end, _) in _ends)
        {
            if (end > step)
            {
                n++;
            }
        }
        return n;
    }

    private bool IsSounding(int pitch, int step) => _ends.Exists(e => e.Pitch == pitch && e.End > step);

    private static Phase Next(ClipTokenKind kind) => kind switch
    {
        ClipTokenKind.Meter => Phase.AfterMeter,
        ClipTokenKind.Bar => Phase.AfterBar,
        ClipTokenKind.Position => Phase.AfterPosition,
        ClipTokenKind.Pitch => Phase.AfterPitch,
        ClipTokenKind.Duration => Phase.AfterDuration,
        _ => Phase.AfterNote,
    };

    private static int Cost(Phase phase) => phase switch
    {
        Phase.Start => 3,
        Phase.AfterMeter => 2,
        Phase.AfterPosition => 4,
        Phase.AfterPitch => 3,
        Phase.AfterDuration => 2,
        _ => 1,
    };
}
