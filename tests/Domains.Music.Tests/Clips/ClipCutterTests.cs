using LatentWorkbench.Domains.Music.Clips;
using LatentWorkbench.Domains.Music.Midi;

namespace LatentWorkbench.Domains.Music.Tests.Clips;

public class ClipCutterTests
{
    [Fact]
    public void Cut_QuantizesTripletsAndSwing_OnTheTwelveStepGrid()
    {
        // ppq 96: triplet eighths at 0, 32, 64; a swung pair at 96 and 160; 8 bars of 4/4 -> 2 clips of 4 bars.
        var notes = new List<MidiNote> { new(60, 0, 32, 80, 0), new(62, 32, 32, 80, 0), new(64, 65, 31, 80, 0), new(65, 96, 64, 80, 0), new(67, 161, 30, 80, 0) };
        notes.AddRange(Enumerable.Range(0, 8).Select(i => new MidiNote(48, 384 * 4 + i * 96, 96, 70, 0)));
        var score = new MidiScore(96, [], [new TimeSignatureChange(0, 4, 4)], [new MidiPart("", 0, 0, notes)], 384 * 8);
        var clips = ClipCutter.Cut(score, 4);
        Assert.Equal(2, clips.Count);
        Assert.Equal([0, 4, 8, 12, 20], clips[0].Notes.Take(5).Select(n => n.Step));
        Assert.Equal(2.0, ClipAttributes.SwingRatio(clips[0] with { Notes = clips[0].Notes.Skip(3).Take(2).ToList() }));
    }

    [Fact]
    public void Cut_FollowsTimeSignatureChanges_AndDropsNearEmptyClips()
    {
        // 2 bars of 3/4 (ppq 12 = 1 tick per step), then 4/4; only the 3/4 bars have notes.
        var notes = Enumerable.Range(0, 6).Select(i => new MidiNote(60 + i, i * 12, 12, 80, 0)).ToList();
        var score = new MidiScore(12, [], [new TimeSignatureChange(0, 3, 4), new TimeSignatureChange(72, 4, 4)],
            [new MidiPart("", 0, 0, notes)], 72 + 96);
        var clips = ClipCutter.Cut(score, 2);
        var clip = Assert.Single(clips);
        Assert.Equal((3, 2, 6), (clip.QuartersPerBar, clip.Bars, clip.Notes.Count));
    }

    [Fact]
    public void CutAligned_PutsPerformedNotesOnAnnotatedBeats()
    {
        // Beats every 0.5 s but drifting; notes played on beats 0, 2 (offbeat +2/3) of bar 1 at 120 BPM in seconds.
        var grid = BeatGrid.Parse("bar,beat,onset\n1,1,1.0\n1,2,1.6\n1,3,2.2\n1,4,2.8\n2,1,3.4\n2,2,4.0\n2,3,4.6\n2,4,5.2\n3,1,5.8");
        var seconds = new[] { 1.0, 1.4, 1.6, 2.2, 2.6, 3.4 };
        var notes = seconds.Select((s, i) => new MidiNote(60 + i, (long)Math.Round(s * 960), 100, 90, 0)).ToList();
        var score = new MidiScore(480, [new TempoChange(0, 500_000)], [], [new MidiPart("", 0, 0, notes)], 6000);
        var clip = Assert.Single(ClipCutter.CutAligned(score, grid, 2));
        Assert.Equal([0, 8, 12, 24, 32, 48], clip.Notes.Select(n => n.Step));
    }
}
