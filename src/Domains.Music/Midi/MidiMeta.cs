namespace LatentWorkbench.Domains.Music.Midi;

/// <summary>Meta event type numbers used by the reader and writer.</summary>
public static class MidiMeta
{
    /// <summary>Sequence number.</summary>
    public const byte SequenceNumber = 0x00;
    /// <summary>Free text.</summary>
    public const byte Text = 0x01;
    /// <summary>Copyright notice.</summary>
    public const byte Copyright = 0x02;
    /// <summary>Sequence or track name.</summary>
    public const byte TrackName = 0x03;
    /// <summary>Instrument name.</summary>
    public const byte InstrumentName = 0x04;
    /// <summary>Lyric.</summary>
    public const byte Lyric = 0x05;
    /// <summary>Marker.</summary>
    public const byte Marker = 0x06;
    /// <summary>Cue point.</summary>
    public const byte CuePoint = 0x07;
    /// <summary>Channel prefix.</summary>
    public const byte ChannelPrefix = 0x20;
    /// <summary>End of track.</summary>
    public const byte EndOfTrack = 0x2F;
    /// <summary>Set tempo (3 bytes: microseconds per quarter note).</summary>
    public const byte Tempo = 0x51;
    /// <summary>SMPTE offset.</summary>
    public const byte SmpteOffset = 0x54;
    /// <summary>Time signature (numerator, log2 denominator, clocks per click, 32nds per quarter).</summary>
    public const byte TimeSignature = 0x58;
    /// <summary>Key signature (sharps/flats as signed byte, 0 major / 1 minor).</summary>
    public const byte KeySignature = 0x59;
}
