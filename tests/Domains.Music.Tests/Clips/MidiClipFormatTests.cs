using LatentWorkbench.Domains.Music.Clips;

namespace LatentWorkbench.Domains.Music.Tests.Clips;

public class MidiClipFormatTests
{
    private static readonly MidiClipFormat Format = new(new MusicDatasetReader(2));

    private static Clip Scale(int bars) =>
        new(4, bars, Enumerable.Range(0, bars * 4).Select(i => new ClipNote(i * 12, 60 + i % 12, 12, 80)).ToList());

    [Fact]
    public void Write_ThenRead_GivesTheSameClip_AndRenderedAddsAWav()
    {
        var text = ClipText.ToText(Scale(2));
        var files = Format.Write(text, "step_00", rendered: true);
        Assert.Equal(["step_00.mid", "step_00.wav"], files.Select(f => f.Name));
        Assert.Equal("MThd", System.Text.Encoding.ASCII.GetString(files[0].Content, 0, 4));
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(files[1].Content, 0, 4));
        Assert.Equal(text, Format.Read(files[0].Content, "step_00.mid"));
    }

    [Fact]
    public void Read_PicksTheClipHoldingTheRequestedBar()
    {
        var midi = ClipMidi.ToMidiBytes(Scale(6));
        var clips = new MusicDatasetReader(2).ClipsOf(midi, "six-bars.mid");
        Assert.Equal([0, 2, 4], clips.Select(c => c.FirstBar));
        Assert.Equal(ClipText.ToText(clips[1]), Format.Read(midi, "six-bars.mid", part: 3));
        Assert.Equal(ClipText.ToText(clips[1]), Format.Read(midi, "six-bars.mid", part: 4));
        Assert.Equal(ClipText.ToText(clips[0]), Format.Read(midi, "six-bars.mid"));
    }

    [Fact]
    public void Read_ExplainsBadBarsAndUnusableFiles()
    {
        var midi = ClipMidi.ToMidiBytes(Scale(2));
        Assert.Contains("bar 9", Assert.Throws<InvalidDataException>(() => Format.Read(midi, "x.mid", part: 9)).Message);
        Assert.Contains("numbered from 1", Assert.Throws<InvalidDataException>(() => Format.Read(midi, "x.mid", part: 0)).Message);
        Assert.Contains("x.mid", Assert.Throws<InvalidDataException>(() => Format.Read([1, 2, 3], "x.mid")).Message);
        Assert.Throws<FileNotFoundException>(() => Format.ReadFile("/no/such/file.mid"));
    }
}
