namespace LatentWorkbench.Domains.Music.Midi;

/// <summary>Summarises a MIDI file for <c>latent midi inspect</c>.</summary>
public static class MidiInspector
{
    /// <summary>
    /// Reads <paramref name="bytes"/> and counts what the header and tracks hold. Throws
    /// <see cref="MidiFormatException"/> (one-line message with the byte offset) when the file cannot be read.
    /// </summary>
    public static MidiSummary Inspect(byte[] bytes)
    {
        var file = MidiReader.Read(bytes);
        int notes = 0;
        var tempos = new List<TempoChange>();
        foreach (var track in file.Tracks)
        {
            foreach (var e in track.Events)
            {
                if (e.IsNoteStart)
                {
                    notes++;
                }
                else if (e.Kind == MidiEventKind.Meta && e.MetaType == MidiMeta.Tempo)
                {
                    var p = e.Payload.Span;
                    tempos.Add(new TempoChange(e.Tick, p.Length >= 3 ? p[0] << 16 | p[1] << 8 | p[2] : 0));
                }
            }
        }
        long end = file.EndTick;
        double seconds = file.IsSmpte
            ? (double)end / file.TicksPerSecond
            : new TempoMap(file.Ppq, tempos).Seconds(end);
        return new MidiSummary(file.Format, file.DeclaredTracks, file.Ppq, notes, tempos.Count, end, seconds, file.Warnings);
    }

    /// <summary>
    /// Like <see cref="Inspect"/> but never throws for bad input: <paramref name="error"/> is a one-line message
    /// (what and at which byte) when the file cannot be read. For <c>latent midi inspect</c>, which exits with code 2.
    /// </summary>
    public static bool TryInspect(byte[] bytes, out MidiSummary? summary, out string? error)
    {
        try
        {
            summary = Inspect(bytes);
            error = null;
            return true;
        }
        catch (MidiFormatException ex)
        {
            summary = null;
            error = ex.Message;
            return false;
        }
    }
}
