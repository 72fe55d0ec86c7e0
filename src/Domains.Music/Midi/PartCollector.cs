namespace LatentWorkbench.Domains.Music.Midi;

/// <summary>
/// Pairs note ons with note offs per channel and pitch (first in, first out) and applies the sustain pedal,
/// producing one part per channel used.
/// </summary>
internal sealed class PartCollector(bool applySustain)
{
    private readonly Queue<(long Start, int Velocity)>?[] _open = new Queue<(long, int)>?[16 * 128];
    private readonly List<(int Pitch, long Start, int Velocity)>?[] _held = new List<(int, long, int)>?[16];
    private readonly bool[] _pedal = new bool[16];
    private readonly int[] _program = [.. Enumerable.Repeat(-1, 16)];
    private readonly List<MidiNote>?[] _notes = new List<MidiNote>?[16];

    public string Name { get; set; } = "";

    public void Add(in MidiEvent e)
    {
        int ch = e.Channel;
        switch (e.Kind)
        {
            case MidiEventKind.NoteOn when e.Data2 > 0:
                ReleaseHeldKey(ch, e.Data1, e.Tick);
                (_open[ch * 128 + e.Data1] ??= new Queue<(long, int)>()).Enqueue((e.Tick, e.Data2));
                break;
            case MidiEventKind.NoteOn:
            case MidiEventKind.NoteOff:
                NoteOff(ch, e.Data1, e.Tick);
                break;
            case MidiEventKind.ControlChange when e.Data1 == 64 && applySustain:
                bool down = e.Data2 >= 64;
                if (_pedal[ch] && !down)
                {
                    ReleaseAllHeld(ch, e.Tick);
                }
                _pedal[ch] = down;
                break;
            case MidiEventKind.ProgramChange when _program[ch] < 0 || _notes[ch] is null:
                _program[ch] = e.Data1;
                break;
        }
    }

    public void EndTrack(long endTick)
    {
        for (int ch = 0; ch < 16; ch++)
        {
            ReleaseAllHeld(ch, endTick);
            _pedal[ch] = false;
            for (int pitch = 0; pitch < 128; pitch++)
            {
                var q = _open[ch * 128 + pitch];
                while (q is { Count: > 0 })
                {
                    var (start, vel) = q.Dequeue();
                    Emit(ch, pitch, start, Math.Max(start, endTick), vel);
                }
            }
        }
    }

    public IEnumerable<MidiPart> Parts()
    {
        for (int ch = 0; ch < 16; ch++)
        {
            if (_notes[ch] is { } list)
            {
                list.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Pitch != b.Pitch ? a.Pitch.CompareTo(b.Pitch) : a.Duration.CompareTo(b.Duration));
                yield return new MidiPart(Name, ch, Math.Max(0, _program[ch]), list);
            }
        }
    }

    private void NoteOff(int ch, int pitch, long tick)
    {
        var q = _open[ch * 128 + pitch];
        if (q is not { Count: > 0 })
        {
            return;
        }
        var (start, vel) = q.Dequeue();
        if (_pedal[ch])
        {
            (_held[ch] ??= []).Add((pitch, start, vel));
        }
        else
        {
            Emit(ch, pitch, start, tick, vel);
        }
    }

    private void ReleaseHeldKey(int ch, int pitch, long tick)
    {
        var held = _held[ch];
        if (held is null)
        {
            return;
        }
        for (int i = 0; i < held.Count; i++)
        {
            if (held[i].Pitch == pitch)
            {
                Emit(ch, pitch, held[i].Start, tick, held[i].Velocity);
                held.RemoveAt(i);
                i--;
            }
        }
    }

    private void ReleaseAllHeld(int ch, long tick)
    {
        if (_held[ch] is not { } held)
        {
            return;
        }
        foreach (var (pitch, start, vel) in held)
        {
            Emit(ch, pitch, start, tick, vel);
        }
        held.Clear();
    }

    private void Emit(int ch, int pitch, long start, long end, int velocity) =>
        (_notes[ch] ??= []).Add(new MidiNote(pitch, start, end - start, velocity, ch));
}
