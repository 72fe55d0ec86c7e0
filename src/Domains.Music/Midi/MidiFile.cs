namespace LatentWorkbench.Domains.Music.Midi;

/// <summary>A Standard MIDI File as read: header fields, track chunks and the warnings met while reading.</summary>
/// <param name="Format">0 (one track), 1 (simultaneous tracks) or 2 (independent sequences).</param>
/// <param name="DeclaredTracks">Track count stated in the header (may differ from <see cref="Tracks"/> in damaged files).</param>
/// <param name="Division">Raw division word: ticks per quarter note, or SMPTE timing when the top bit is set.</param>
/// <param name="Tracks">Track chunks found, in file order.</param>
/// <param name="Warnings">Recoverable problems (missing end of track, trailing bytes, truncated chunk), each with its byte offset.</param>
public sealed record MidiFile(int Format, int DeclaredTracks, int Division, IReadOnlyList<MidiTrack> Tracks, IReadOnlyList<string> Warnings)
{
    /// <summary>Whether the division is SMPTE (frames per second and ticks per frame) rather than ticks per quarter note.</summary>
    public bool IsSmpte => (Division & 0x8000) != 0;

    /// <summary>Ticks per quarter note; for SMPTE files the ticks per frame times frames per second (ticks per second).</summary>
    public int Ppq => IsSmpte ? TicksPerSecond : Division;

    /// <summary>Ticks per second for SMPTE files (frames per second times ticks per frame), 0 otherwise.</summary>
    public int TicksPerSecond => IsSmpte ? -(sbyte)(Division >> 8) * (Division & 0xFF) : 0;

    /// <summary>Last tick of any track.</summary>
    public long EndTick => Tracks.Count == 0 ? 0 : Tracks.Max(t => t.EndTick);
}
