using LatentWorkbench.Domains.Music.Midi;

namespace LatentWorkbench.Domains.Music.Audio;

/// <summary>Note ons and offs of a score at audio frames, offs before ons at the same frame (velocity 0 = off).</summary>
internal readonly record struct FluidEvents(int Frame, int Channel, int Pitch, int Velocity)
{
    public static List<FluidEvents> Of(MidiScore score, int sampleRate, double maxSeconds)
    {
        var map = score.TempoMap;
        var events = new List<FluidEvents>();
        foreach (var n in score.Parts.SelectMany(p => p.Notes))
        {
            double start = map.Seconds(n.Start);
            if (start >= maxSeconds)
            {
                continue;
            }
            double end = Math.Min(maxSeconds, Math.Max(map.Seconds(n.End), start + 0.01));
            events.Add(new FluidEvents((int)(start * sampleRate), n.Channel, n.Pitch, Math.Clamp(n.Velocity, 1, 127)));
            events.Add(new FluidEvents((int)(end * sampleRate), n.Channel, n.Pitch, 0));
        }
        events.Sort((a, b) => a.Frame != b.Frame ? a.Frame.CompareTo(b.Frame) : a.Velocity.CompareTo(b.Velocity));
        return events;
    }
}
