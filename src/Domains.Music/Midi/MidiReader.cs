namespace LatentWorkbench.Domains.Music.Midi;

/// <summary>
/// Reads Standard MIDI Files (formats 0, 1 and 2). Lenient where a file is damaged but recoverable (missing end of
/// track, truncated last chunk, trailing bytes, fewer tracks than declared: a warning); otherwise throws
/// <see cref="MidiFormatException"/> naming the problem and its byte offset. Every length is checked against the
/// bytes that remain before anything is allocated, and every loop consumes at least one byte, so time and memory
/// are linear in the input size.
/// </summary>
public static class MidiReader
{
    /// <summary>Largest file accepted (32 MiB; real MIDI files are rarely above a few MiB); larger inputs are refused before reading, which bounds memory at about 16 bytes of events per input byte.</summary>
    public const int MaxFileBytes = 32 * 1024 * 1024;

    /// <summary>Reads a file from disk.</summary>
    public static MidiFile ReadFile(string path) => Read(File.ReadAllBytes(path));

    /// <summary>Reads a file from its bytes. Meta and sysex payloads in the result point into <paramref name="bytes"/>.</summary>
    public static MidiFile Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length > MaxFileBytes)
        {
            throw new MidiFormatException($"file is larger than {MaxFileBytes} bytes", 0);
        }
        var warnings = new List<string>();
        int pos = SkipRiffWrapper(bytes);
        if (bytes.Length - pos < 14 || !IsTag(bytes, pos, "MThd"))
        {
            throw new MidiFormatException("not a Standard MIDI File: missing MThd header (14 bytes)", pos);
        }
        uint headerLength = ReadUInt32(bytes, pos + 4);
        if (headerLength < 6)
        {
            throw new MidiFormatException($"header chunk length {headerLength} is shorter than 6", pos + 4);
        }
        int format = ReadUInt16(bytes, pos + 8);
        int declared = ReadUInt16(bytes, pos + 10);
        int division = ReadUInt16(bytes, pos + 12);
        if (format > 2)
        {
            throw new MidiFormatException($"unknown format {format} (expected 0, 1 or 2)", pos + 8);
        }
        if (division == 0)
        {
            throw new MidiFormatException("division is 0 ticks per quarter note", pos + 12);
        }
        if ((division & 0x8000) != 0 && (division & 0xFF) == 0)
        {
            throw new MidiFormatException("SMPTE division with 0 ticks per frame", pos + 12);
        }
        long next = pos + 8L + headerLength;
        if (next > bytes.Length)
        {
            throw new MidiFormatException($"header chunk length {headerLength} runs past the end of the file", pos + 4);
        }
        var tracks = ReadChunks(bytes, (int)next, warnings);
        if (tracks.Count < declared)
        {
            warnings.Add($"header declares {declared} tracks but {tracks.Count} were found");
        }
        if (format == 0 && tracks.Count > 1)
        {
            warnings.Add($"format 0 file has {tracks.Count} tracks");
        }
        return new MidiFile(format, declared, division, tracks, warnings);
    }

    private static List<MidiTrack> ReadChunks(byte[] bytes, int pos, List<string> warnings)
    {
        var tracks = new List<MidiTrack>();
        while (pos < bytes.Length)
        {
            if (bytes.Length - pos < 8 || !IsPrintableTag(bytes, pos))
            {
                warnings.Add($"{bytes.Length - pos} trailing bytes ignored at byte {pos}");
                break;
            }
            uint length = ReadUInt32(bytes, pos + 4);
            long dataStart = pos + 8L;
            long dataEnd = dataStart + length;
            bool truncated = dataEnd > bytes.Length;
            if (truncated)
            {
                warnings.Add($"chunk at byte {pos} declares {length} bytes but only {bytes.Length - dataStart} remain");
                dataEnd = bytes.Length;
            }
            if (IsTag(bytes, pos, "MTrk"))
            {
                tracks.Add(TrackParser.Parse(bytes, pos, (int)dataStart, (int)dataEnd, truncated, warnings));
            }
            pos = (int)dataEnd;
        }
        return tracks;
    }

    private static int SkipRiffWrapper(byte[] b)
    {
        // RIFF-wrapped MIDI (.rmi): "RIFF" size "RMID" "data" size, then the SMF.
        if (b.Length >= 20 && IsTag(b, 0, "RIFF") && IsTag(b, 8, "RMID") && IsTag(b, 12, "data"))
        {
            return 20;
        }
        return 0;
    }

    private static bool IsTag(byte[] b, int pos, string tag) =>
        b[pos] == tag[0] && b[pos + 1] == tag[1] && b[pos + 2] == tag[2] && b[pos + 3] == tag[3];

    private static bool IsPrintableTag(byte[] b, int pos)
    {
        for (int i = pos; i < pos + 4; i++)
        {
            if (b[i] < 0x20 || b[i] > 0x7E)
            {
                return false;
            }
        }
        return true;
    }

    internal static uint ReadUInt32(byte[] b, int pos) =>
        (uint)(b[pos] << 24 | b[pos + 1] << 16 | b[pos + 2] << 8 | b[pos + 3]);

    internal static int ReadUInt16(byte[] b, int pos) => b[pos] << 8 | b[pos + 1];
}
