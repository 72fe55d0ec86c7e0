namespace LatentWorkbench.Domains.Music.Midi;

/// <summary>
/// One event of a track at an absolute tick. A value type so that reading a file allocates one list per track,
/// not one object per event. <see cref="Payload"/> points into the file's bytes (sysex, escape and meta data).
/// </summary>
/// <param name="Tick">Absolute time in ticks from the start of the track.</param>
/// <param name="Kind">What the event is.</param>
/// <param name="Status">The status byte (for channel messages the low nibble is the channel).</param>
/// <param name="Data1">First data byte of a channel message (note, controller, program, bend LSB).</param>
/// <param name="Data2">Second data byte (velocity, value, bend MSB), 0 when the message has one.</param>
/// <param name="MetaType">Meta event type (0x51 tempo, 0x58 time signature, ...) when <see cref="Kind"/> is Meta.</param>
/// <param name="Payload">Data of sysex, escape and meta events; empty otherwise.</param>
public readonly record struct MidiEvent(
    long Tick, MidiEventKind Kind, byte Status, byte Data1, byte Data2, byte MetaType, ReadOnlyMemory<byte> Payload)
{
    /// <summary>MIDI channel 0..15 of a channel message.</summary>
    public int Channel => Status & 0x0F;

    /// <summary>Whether this is a note on with non-zero velocity (a sounding note starts).</summary>
    public bool IsNoteStart => Kind == MidiEventKind.NoteOn && Data2 > 0;

    /// <summary>Whether this ends a note: a note off, or a note on with velocity 0.</summary>
    public bool IsNoteEnd => Kind == MidiEventKind.NoteOff || (Kind == MidiEventKind.NoteOn && Data2 == 0);
}
