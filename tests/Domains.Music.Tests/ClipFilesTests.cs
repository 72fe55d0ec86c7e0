using System.IO.Compression;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Domains.Music.Clips;

namespace LatentWorkbench.Domains.Music.Tests;

public class ClipFilesTests
{
    private static readonly ClipFiles Format = new(new MusicDatasetReader(2));

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
        Assert.Equal(text, Format.Read("step_00.mid", files[0].Content));
    }

    [Fact]
    public void Read_PicksTheClipHoldingTheRequestedBar()
    {
        var midi = ClipMidi.ToMidiBytes(Scale(6));
        var clips = new MusicDatasetReader(2).ClipsOf(midi, "six-bars.mid");
        Assert.Equal([0, 2, 4], clips.Select(c => c.FirstBar));
        Assert.Equal(ClipText.ToText(clips[1]), Format.Read("six-bars.mid", midi, part: 3));
        Assert.Equal(ClipText.ToText(clips[1]), Format.Read("six-bars.mid", midi, part: 4));
        Assert.Equal(ClipText.ToText(clips[0]), Format.Read("six-bars.mid", midi));
    }

    [Fact]
    public void Read_ExplainsBadBarsAndUnusableFiles()
    {
        var midi = ClipMidi.ToMidiBytes(Scale(2));
        Assert.Contains("bar 9", Assert.Throws<InvalidDataException>(() => Format.Read("x.mid", midi, part: 9)).Message);
        Assert.Contains("numbered from 1", Assert.Throws<InvalidDataException>(() => Format.Read("x.mid", midi, part: 0)).Message);
        Assert.Contains("x.mid", Assert.Throws<InvalidDataException>(() => Format.Read("x.mid", [1, 2, 3])).Message);
        Assert.Throws<FileNotFoundException>(() => Format.ReadFile("/no/such/file.mid"));
    }

    [Fact]
    public void ReadAll_GivesTheFirstClipNamedAfterTheFile_AndNamesTheFileWhenItCannotBeRead()
    {
        var midi = ClipMidi.ToMidiBytes(Scale(6));
        var item = Assert.Single(Format.ReadAll("six-bars.mid", midi));
        Assert.Equal("six-bars", item.Name);
        Assert.Equal(Format.Read("six-bars.mid", midi), item.Text);
        Assert.Contains("not '.wav'", Assert.Throws<InvalidDataException>(() => Format.ReadAll("x.wav", midi)).Message);
        Assert.StartsWith("broken.mid: not a Standard MIDI File", Assert.Throws<InvalidDataException>(() => Format.ReadAll("broken.mid", [1, 2, 3])).Message);
    }

    [Fact]
    public void Export_Zip_HoldsAMidiAndAWavPerValidClip_AndRefusesOtherFormats()
    {
        var text = ClipText.ToText(Scale(2));
        var items = new[] { new ExportItem("a b", text, true, new Dictionary<string, double>()), new ExportItem("bad", "x", false, new Dictionary<string, double>()) };
        using var zip = new ZipArchive(new MemoryStream(Format.Export("zip", items)));
        Assert.Equal(["01-a_b.mid", "01-a_b.wav"], zip.Entries.Select(e => e.FullName));
        Assert.Throws<ArgumentException>(() => Format.Export("mp3", items));
    }

    [Fact]
    public void MusicModule_OffersFilesAndAudio()
    {
        IDomainModule module = new MusicModule();
        Assert.IsType<ClipFiles>(module.Files);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(module.Audio!.RenderWav(module.Samples[0].Text), 0, 4));
        Assert.Null(module.StructureSearch);
    }
}
