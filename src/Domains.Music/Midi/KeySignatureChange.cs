namespace LatentWorkbench.Domains.Music.Midi;

/// <summary>A key signature meta event.</summary>
/// <param name="Tick">Absolute tick.</param>
/// <param name="Sharps">Sharps (positive) or flats (negative), -7..7.</param>
/// <param name="Minor">Whether the key is minor.</param>
public sealed record KeySignatureChange(long Tick, int Sharps, bool Minor);
