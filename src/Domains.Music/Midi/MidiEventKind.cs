namespace LatentWorkbench.Domains.Music.Midi;

/// <summary>Kinds of events in a Standard MIDI File track.</summary>
public enum MidiEventKind : byte
{
    /// <summary>Note off (status 0x8n); a note on with velocity 0 is reported as <see cref="NoteOn"/> and treated as a note off when notes are built.</summary>
    NoteOff,
    /// <summary>Note on (status 0x9n).</summary>
    NoteOn,
    /// <summary>Polyphonic key pressure (0xAn).</summary>
    PolyPressure,
    /// <summary>Control change (0xBn): Data1 = controller, Data2 = value.</summary>
    ControlChange,
    /// <summary>Program change (0xCn): Data1 = program 0..127.</summary>
    ProgramChange,
    /// <summary>Channel pressure (0xDn).</summary>
    ChannelPressure,
    /// <summary>Pitch bend (0xEn): Data1 = LSB, Data2 = MSB.</summary>
    PitchBend,
    /// <summary>System exclusive message (0xF0); payload excludes the leading 0xF0.</summary>
    SysEx,
    /// <summary>Escape or sysex continuation (0xF7); payload is sent as is.</summary>
    Escape,
    /// <summary>Meta event (0xFF): <see cref="MidiEvent.MetaType"/> says which.</summary>
    Meta,
}
