namespace LatentWorkbench.Domains.Music.Midi;

/// <summary>A time signature from <paramref name="Tick"/> on, e.g. 3/4 or 6/8.</summary>
/// <param name="Tick">Absolute tick where the signature takes effect.</param>
/// <param name="Numerator">Beats per bar as written (the 3 of 3/4).</param>
/// <param name="Denominator">Note value of a beat as written (the 4 of 3/4), a power of two.</param>
public sealed record TimeSignatureChange(long Tick, int Numerator, int Denominator)
{
    /// <summary>Length of a bar in quarter notes (3/4 = 3, 6/8 = 3, 4/4 = 4).</summary>
    public double QuartersPerBar => Numerator * 4.0 / Denominator;
}
