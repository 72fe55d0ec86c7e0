namespace LatentWorkbench.Domains.Music.Midi;

/// <summary>
/// Writes format 1 Standard MIDI Files: a conductor track (tempo map, time signatures) and one track per part with
/// its name and program. Note offs are ordered so that reading the file back pairs every note with its own end.
/// </summary>
public static class MidiWriter
{
    private const long MaxDelta = 0x0FFFFFFF;

    /// <summary>The bytes of a format 1 file for <paramref name="score"/>.</summary>
    public static byte[] Write(MidiScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        if (score.Ppq is < 1 or > 0x7FFF)
        {
            throw new ArgumentException($"ticks per quarter note {score.Ppq} is outside 1..32767", nameof(score));
        }
        using var ms = new MemoryStream();
        WriteChunk(ms, "MThd", [0, 1, (byte)((score.Parts.Count + 1) >> 8), (byte)(score.Parts.Count + 1), (byte)(score.Ppq >> 8), (byte)score.Ppq]);
        WriteChunk(ms, "MTrk", ConductorTrack(score));
        foreach (var part in score.Parts)
        {
            WriteChunk(ms, "MTrk", PartTrack(part));
        }
        return ms.ToArray();
    }

    private static byte[] ConductorTrack(MidiScore score)
    {
        var events = new List<(long Tick, byte[] Data)>();
        foreach (var t in score.Tempos)
        {
            int us = Math.Clamp(t.MicrosecondsPerQuarter, 1, 0xFFFFFF);
            events.Add((t.Tick, [0xFF, MidiMeta.Tempo, 3, (byte)(us >> 16), (byte)(us >> 8), (byte)us]));
        }
        foreach (var s in score.TimeSignatures)
        {
            byte log2 = (byte)Math.Max(0, (int)Math.Round(Math.Log2(s.Denominator)));
            events.Add((s.Tick, [0xFF, MidiMeta.TimeSignature, 4, (byte)s.Numerator, log2, 24, 8]));
        }
        return Encode(events.OrderBy(e => e.Tick).ToList(), score.EndTick);
    }

    private static byte[] PartTrack(MidiPart part)
    {
        var name = System.Text.Encoding.Latin1.GetBytes(part.Name);
        var events = new List<(long Tick, int Order, int Index, byte[] Data)>
        {
            (0, -2, 0, [0xFF, MidiMeta.TrackName, .. VarLen(name.Length), .. name]),
            (0, -1, 0, [(byte)(0xC0 | part.Channel & 0x0F), (byte)(part.Program & 0x7F)]),
        };
        // Same-tick order: ends of earlier notes, then starts, then ends of zero-length notes; among notes of one
        // pitch the shorter starts first, so first-in first-out pairing on reading gives every note its own end.
        var notes = part.Notes.OrderBy(n => n.Start).ThenBy(n => n.Pitch).ThenBy(n => n.Duration).ToList();
        long end = 0;
        for (int i = 0; i < notes.Count; i++)
        {
            var n = notes[i];
            byte ch = (byte)(n.Channel & 0x0F);
            byte pitch = (byte)Math.Clamp(n.Pitch, 0, 127);
            byte vel = (byte)Math.Clamp(n.Velocity, 1, 127);
            long off = n.Start + Math.Max(0, n.Duration);
            events.Add((n.Start, 1, i, [(byte)(0x90 | ch), pitch, vel]));
            events.Add((off, off == n.Start ? 2 : 0, i, [(byte)(0x80 | ch), pitch, 0]));
            end = Math.Max(end, off);
        }
        var ordered = events.OrderBy(e => e.Tick).ThenBy(e => e.Order).ThenBy(e => e.Index).Select(e => (e.Tick, e.Data)).ToList();
        return Encode(ordered, end);
    }

    private static byte[] Encode(List<(long Tick, byte[] Data)> events, long endTick)
    {
        using var ms = new MemoryStream();
        long last = 0;
        foreach (var (tick, data) in events)
        {
            long t = Math.Max(tick, last);
            last = Bridge(ms, last, t);
            ms.Write(VarLen(t - last));
            ms.Write(data);
            last = t;
        }
        endTick = Math.Max(endTick, last);
        last = Bridge(ms, last, endTick);
        ms.Write(VarLen(endTick - last));
        ms.Write([0xFF, MidiMeta.EndOfTrack, 0]);
        return ms.ToArray();
    }

    /// <summary>Gaps longer than a delta time can hold are bridged with empty text events.</summary>
    private static long Bridge(Stream s, long last, long target)
    {
        while (target - last > MaxDelta)
        {
            s.Write(VarLen(MaxDelta));
            s.Write([0xFF, MidiMeta.Text, 0]);
            last += MaxDelta;
        }
        return last;
    }

    private static void WriteChunk(Stream s, string tag, byte[] data)
    {
        s.Write(System.Text.Encoding.ASCII.GetBytes(tag));
        s.Write([(byte)(data.Length >> 24), (byte)(data.Length >> 16), (byte)(data.Length >> 8), (byte)data.Length]);
        s.Write(data);
    }

    /// <summary>Variable-length quantity (7 bits per byte, high bit = more follows), at most 4 bytes.</summary>
    internal static byte[] VarLen(long value)
    {
        if (value is < 0 or > 0x0FFFFFFF)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "delta times and lengths must be in 0..0x0FFFFFFF");
        }
        Span<byte> buffer = stackalloc byte[4];
        int n = 0;
        do
        {
            buffer[n++] = (byte)(value & 0x7F);
            value >>= 7;
        }
        while (value > 0);
        var result = new byte[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = (byte)(buffer[n - 1 - i] | (i < n - 1 ? 0x80 : 0));
        }
        return result;
    }
}
