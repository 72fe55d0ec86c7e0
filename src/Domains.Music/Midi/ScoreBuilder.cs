namespace LatentWorkbench.Domains.Music.Midi;

/// <summary>Turns a file's events into notes, parts, tempo map and time signatures (see <see cref="MidiScore.FromFile"/>).</summary>
internal static class ScoreBuilder
{
    public static MidiScore Build(MidiFile file, bool applySustain)
    {
        var tempos = new List<TempoChange>();
        var signatures = new List<TimeSignatureChange>();
        var parts = new List<MidiPart>();
        bool byChannelOnly = file.Format == 0;
        var merged = byChannelOnly ? new PartCollector(applySustain) : null;
        foreach (var track in file.Tracks)
        {
            var collector = merged ?? new PartCollector(applySustain);
            collector.Name = track.Name ?? collector.Name;
            foreach (var e in track.Events)
            {
                if (e.Kind == MidiEventKind.Meta)
                {
                    ReadMeta(e, tempos, signatures);
                }
                else
                {
                    collector.Add(e);
                }
            }
            collector.EndTrack(track.EndTick);
            if (merged is null)
            {
                parts.AddRange(collector.Parts());
            }
        }
        if (merged is not null)
        {
            parts.AddRange(merged.Parts());
        }
        int ppq = file.Ppq;
        if (file.IsSmpte)
        {
            // SMPTE timing: ticks are fixed fractions of a second; call a second a quarter note at 60 BPM.
            tempos = [new TempoChange(0, 1_000_000)];
        }
        long end = Math.Max(file.EndTick, parts.SelectMany(p => p.Notes).Select(n => n.End).DefaultIfEmpty(0).Max());
        return new MidiScore(ppq, Sorted(tempos, t => t.Tick), Sorted(signatures, s => s.Tick), parts, end);
    }

    private static List<T> Sorted<T>(List<T> items, Func<T, long> key) => items.OrderBy(key).ToList();

    private static void ReadMeta(MidiEvent e, List<TempoChange> tempos, List<TimeSignatureChange> signatures)
    {
        var p = e.Payload.Span;
        if (e.MetaType == MidiMeta.Tempo && p.Length >= 3)
        {
            int us = p[0] << 16 | p[1] << 8 | p[2];
            if (us > 0)
            {
                tempos.Add(new TempoChange(e.Tick, us));
            }
        }
        else if (e.MetaType == MidiMeta.TimeSignature && p.Length >= 2 && p[0] > 0 && p[1] <= 6)
        {
            signatures.Add(new TimeSignatureChange(e.Tick, p[0], 1 << p[1]));
        }
    }
}
