namespace LatentWorkbench.Domains.Music.Midi;

/// <summary>A tempo change: from <paramref name="Tick"/> on, a quarter note lasts <paramref name="MicrosecondsPerQuarter"/>.</summary>
/// <param name="Tick">Absolute tick where the tempo takes effect.</param>
/// <param name="MicrosecondsPerQuarter">Length of a quarter note in microseconds (500000 = 120 BPM).</param>
public sealed record TempoChange(long Tick, int MicrosecondsPerQuarter)
{
    /// <summary>Tempo in quarter notes per minute.</summary>
    public double Bpm => 60_000_000.0 / MicrosecondsPerQuarter;
}
