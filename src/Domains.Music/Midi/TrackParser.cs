namespace LatentWorkbench.Domains.Music.Midi;

/// <summary>Parses the events of one MTrk chunk: delta times, running status, channel, sysex, escape and meta events.</summary>
internal static class TrackParser
{
    public static MidiTrack Parse(byte[] b, int chunkOffset, int start, int end, bool truncated, List<string> warnings)
    {
        // Every event takes at least 2 bytes (delta + one data byte), so this bounds the list by the chunk size.
        var events = new List<MidiEvent>(Math.Min((end - start) / 3 + 1, 1 << 16));
        int pos = start;
        long tick = 0;
        byte running = 0;
        bool ended = false;
        while (pos < end)
        {
            int eventStart = pos;
            if (!TryReadVarLen(b, ref pos, end, out int delta))
            {
                if (pos - eventStart >= 4)
                {
                    throw new MidiFormatException("variable-length delta time longer than 4 bytes", eventStart);
                }
                return Finish(events, chunkOffset, warnings, $"track ends inside a delta time at byte {eventStart}", ended);
            }
            tick += delta;
            if (pos >= end)
            {
                return Finish(events, chunkOffset, warnings, $"track ends after a delta time at byte {eventStart}", ended);
            }
            byte status = b[pos];
            if (status >= 0x80)
            {
                pos++;
            }
            else if (running == 0)
            {
                throw new MidiFormatException($"data byte 0x{status:X2} without a running status", pos);
            }
            else
            {
                status = running;
            }
            if (status < 0xF0)
            {
                running = status;
                int need = (status & 0xE0) == 0xC0 ? 1 : 2;
                if (end - pos < need)
                {
                    return Finish(events, chunkOffset, warnings, $"track ends inside a channel message at byte {pos}", ended);
                }
                byte d1 = b[pos];
                byte d2 = need == 2 ? b[pos + 1] : (byte)0;
                if ((d1 | d2) >= 0x80)
                {
                    throw new MidiFormatException($"channel message 0x{status:X2} has a data byte above 127", pos);
                }
                pos += need;
                events.Add(new MidiEvent(tick, (MidiEventKind)((status >> 4) - 8), status, d1, d2, 0, default));
                continue;
            }
            if (status == 0xF0 || status == 0xF7)
            {
                running = 0;
                if (!TryReadLength(b, ref pos, end, out int length))
                {
                    return Overrun(events, chunkOffset, warnings, truncated, "sysex length", eventStart, ended);
                }
                events.Add(new MidiEvent(tick, status == 0xF0 ? MidiEventKind.SysEx : MidiEventKind.Escape, status, 0, 0, 0,
                    new ReadOnlyMemory<byte>(b, pos, length)));
                pos += length;
                continue;
            }
            if (status == 0xFF)
            {
                running = 0;
                if (pos >= end)
                {
                    return Overrun(events, chunkOffset, warnings, truncated, "meta event type", eventStart, ended);
                }
                byte type = b[pos++];
                if (!TryReadLength(b, ref pos, end, out int length))
                {
                    return Overrun(events, chunkOffset, warnings, truncated, "meta event length", eventStart, ended);
                }
                events.Add(new MidiEvent(tick, MidiEventKind.Meta, status, 0, 0, type, new ReadOnlyMemory<byte>(b, pos, length)));
                pos += length;
                if (type == MidiMeta.EndOfTrack)
                {
                    ended = true;
                    break;
                }
                continue;
            }
            throw new MidiFormatException($"system message 0x{status:X2} is not allowed in a MIDI file", eventStart);
        }
        if (!ended)
        {
            warnings.Add($"track at byte {chunkOffset} has no end-of-track event");
        }
        else if (end - pos > 0)
        {
            warnings.Add($"{end - pos} bytes after end of track ignored at byte {pos}");
        }
        return new MidiTrack(events, chunkOffset);
    }

    private static MidiTrack Overrun(List<MidiEvent> events, int chunkOffset, List<string> warnings, bool truncated, string what, int at, bool ended)
    {
        if (!truncated)
        {
            throw new MidiFormatException($"{what} runs past the end of the track chunk", at);
        }
        return Finish(events, chunkOffset, warnings, $"file truncated inside a {what} at byte {at}", ended);
    }

    private static MidiTrack Finish(List<MidiEvent> events, int chunkOffset, List<string> warnings, string warning, bool ended)
    {
        warnings.Add(warning);
        if (!ended)
        {
            warnings.Add($"track at byte {chunkOffset} has no end-of-track event");
        }
        return new MidiTrack(events, chunkOffset);
    }

    /// <summary>Reads a variable-length length and checks that that many bytes remain before <paramref name="end"/>.</summary>
    private static bool TryReadLength(byte[] b, ref int pos, int end, out int length)
    {
        int at = pos;
        if (!TryReadVarLen(b, ref pos, end, out length))
        {
            if (pos - at >= 4)
            {
                throw new MidiFormatException("variable-length quantity longer than 4 bytes", at);
            }
            return false;
        }
        return length <= end - pos;
    }

    /// <summary>Reads at most 4 bytes of a variable-length quantity; false when it is longer or runs past <paramref name="end"/>.</summary>
    private static bool TryReadVarLen(byte[] b, ref int pos, int end, out int value)
    {
        value = 0;
        for (int i = 0; i < 4; i++)
        {
            if (pos >= end)
            {
                return false;
            }
            byte c = b[pos++];
            value = (value << 7) | (c & 0x7F);
            if (c < 0x80)
            {
                return true;
            }
        }
        return false;
    }
}
