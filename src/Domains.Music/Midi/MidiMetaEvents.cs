using System.Text;

namespace LatentWorkbench.Domains.Music.Midi;

/// <summary>Reads the descriptive meta events of a file: key signatures, names, markers and other texts.</summary>
public static class MidiMetaEvents
{
    /// <summary>Key signatures of all tracks, ordered by tick.</summary>
    public static IReadOnlyList<KeySignatureChange> KeySignatures(MidiFile file) =>
        Meta(file, MidiMeta.KeySignature)
            .Where(x => x.Event.Payload.Length >= 2)
            .Select(x => new KeySignatureChange(x.Event.Tick, (sbyte)x.Event.Payload.Span[0], x.Event.Payload.Span[1] == 1))
            .OrderBy(k => k.Tick).ToList();

    /// <summary>
    /// Texts of meta events of <paramref name="type"/> (e.g. <see cref="MidiMeta.TrackName"/>, <see cref="MidiMeta.Marker"/>)
    /// as (track index, tick, text), decoded as Latin-1.
    /// </summary>
    public static IReadOnlyList<(int Track, long Tick, string Text)> Texts(MidiFile file, byte type) =>
        Meta(file, type).Select(x => (x.Track, x.Event.Tick, Encoding.Latin1.GetString(x.Event.Payload.Span))).ToList();

    private static IEnumerable<(int Track, MidiEvent Event)> Meta(MidiFile file, byte type) =>
        file.Tracks.SelectMany((t, i) => t.Events.Where(e => e.Kind == MidiEventKind.Meta && e.MetaType == type).Select(e => (i, e)));
}
