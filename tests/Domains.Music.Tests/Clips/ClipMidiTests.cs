using LatentWorkbench.Core.Domains;
using LatentWorkbench.Domains.Music.Clips;
using Xunit.Abstractions;

namespace LatentWorkbench.Domains.Music.Tests.Clips;

public class ClipMidiTests(ITestOutputHelper output)
{
    [Fact]
    public void TextToMidiToText_IsIdentity_ForSampleItems()
    {
        foreach (var item in SampleClips.Items())
        {
            int bars = ClipText.Parse(item.Text).Clip!.Bars;
            Assert.Equal(item.Text, ClipMidi.MidiBytesToText(ClipMidi.TextToMidiBytes(item.Text, bpm: 97), bars));
        }
    }

    [SkippableFact]
    public void TextToMidiToText_IsIdentity_ForSharedDataClips()
    {
        Skip.IfNot(TestPaths.HasSharedMidi, TestPaths.SkipMessage);
        var records = new MusicDatasetReader(2).Read(TestPaths.SharedMidi, new DatasetOptions(Limit: 3000)).ToList();
        var changed = records.Where(r => ClipMidi.MidiBytesToText(ClipMidi.TextToMidiBytes(r.Text), 2) != r.Text).ToList();
        output.WriteLine($"{records.Count} two-bar clips, {records.Count - changed.Count} unchanged through MIDI");
        Assert.Empty(changed.Select(r => r.Text).Take(3));
    }

    [Fact]
    public void FromMidiBytes_Throws_WhenNoSupportedMeter()
    {
        var score = ClipMidi.ToScore(ClipText.Parse("M4 BAR P0 N60 D12 V3").Clip!) with { TimeSignatures = [new(0, 5, 8)] };
        Assert.Throws<FormatException>(() => ClipMidi.FromMidiBytes(LatentWorkbench.Domains.Music.Midi.MidiWriter.Write(score)));
    }
}
