namespace LatentWorkbench.Domains.Music.Midi;

/// <summary>One track chunk (MTrk) of a file: its events in file order with absolute ticks.</summary>
/// <param name="Events">Events in the order they appear; ticks never decrease.</param>
/// <param name="Offset">Byte offset of the chunk header in the file.</param>
public sealed record MidiTrack(IReadOnlyList<MidiEvent> Events, long Offset)
{
    /// <summary>Tick of the last event (end of track included), 0 for an empty track.</summary>
    public long EndTick => Events.Count == 0 ? 0 : Events[^1].Tick;

    /// <summary>The first track name meta event, or <c>null</c>.</summary>
    public string? Name
    {
        get
        {
            foreach (var e in Events)
            {
                if (e.Kind == MidiEventKind.Meta && e.MetaType == MidiMeta.TrackName)
                {
                    return System.Text.Encoding.Latin1.GetString(e.Payload.Span);
                }
            }
            return null;
        }
    }
}
