namespace LatentWorkbench.Domains.Music.Midi;

/// <summary>Converts ticks to seconds through a list of tempo changes (120 BPM before the first one).</summary>
public sealed class TempoMap
{
    private readonly int _ppq;
    private readonly long[] _ticks;
    private readonly double[] _seconds;
    private readonly double[] _secondsPerTick;

    /// <summary>Creates a map for <paramref name="ppq"/> ticks per quarter note.</summary>
    public TempoMap(int ppq, IReadOnlyList<TempoChange> tempos)
    {
        _ppq = Math.Max(1, ppq);
        var sorted = tempos.Where(t => t.MicrosecondsPerQuarter > 0).OrderBy(t => t.Tick).ToList();
        _ticks = new long[sorted.Count + 1];
        _seconds = new double[sorted.Count + 1];
        _secondsPerTick = new double[sorted.Count + 1];
        _secondsPerTick[0] = 0.5 / _ppq;
        for (int i = 0; i < sorted.Count; i++)
        {
            long tick = Math.Max(0, sorted[i].Tick);
            _ticks[i + 1] = tick;
            _seconds[i + 1] = _seconds[i] + (tick - _ticks[i]) * _secondsPerTick[i];
            _secondsPerTick[i + 1] = sorted[i].MicrosecondsPerQuarter / 1e6 / _ppq;
        }
    }

    /// <summary>Seconds from the start to <paramref name="tick"/>.</summary>
    public double Seconds(long tick)
    {
        int i = Segment(tick);
        return _seconds[i] + (tick - _ticks[i]) * _secondsPerTick[i];
    }

    /// <summary>Tick (fractional) reached after <paramref name="seconds"/>.</summary>
    public double Tick(double seconds)
    {
        int i = _seconds.Length - 1;
        while (i > 0 && _seconds[i] > seconds)
        {
            i--;
        }
        return _ticks[i] + (seconds - _seconds[i]) / _secondsPerTick[i];
    }

    /// <summary>Tempo in microseconds per quarter note at <paramref name="tick"/>.</summary>
    public int MicrosecondsPerQuarterAt(long tick) => (int)Math.Round(_secondsPerTick[Segment(tick)] * 1e6 * _ppq);

    private int Segment(long tick)
    {
        int i = Array.BinarySearch(_ticks, tick);
        if (i < 0)
        {
            i = ~i - 1;
        }
        else
        {
            while (i + 1 < _ticks.Length && _ticks[i + 1] == tick)
            {
                i++;
            }
        }
        return Math.Max(0, i);
    }
}
