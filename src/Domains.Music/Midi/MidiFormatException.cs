namespace LatentWorkbench.Domains.Music.Midi;

/// <summary>A MIDI file cannot be read: the message says what was wrong, <see cref="Offset"/> where.</summary>
public sealed class MidiFormatException : FormatException
{
    /// <summary>Creates the exception for a problem at byte <paramref name="offset"/>.</summary>
    public MidiFormatException(string what, long offset)
        : base($"{what} at byte {offset}")
    {
        Offset = offset;
    }

    /// <summary>Byte offset in the file where the problem was found.</summary>
    public long Offset { get; }
}
