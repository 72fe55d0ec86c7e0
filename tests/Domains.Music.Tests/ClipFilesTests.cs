using System.IO.Compression;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Domains.Music.Audio;
using LatentWorkbench.Domains.Music.Clips;
using LatentWorkbench.Domains.Music.Midi;

namespace LatentWorkbench.Domains.Music.Tests;

public class ClipFilesTests
{
    private static readonly ClipFiles Format = new(new MusicDatasetReader(2), () => new BuiltInSynth());

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
    public void Read_WithoutABar_PassesOverClipsWithASilentBar_AsTheUploadDoes()
    {
        // A file that opens with a bar of rest, as many solos do: its first clip is half silence.
        var notes = Enumerable.Range(4, 20).Select(i => new ClipNote(i * 12, 60 + i % 12, 12, 80)).ToList();
        var midi = ClipMidi.ToMidiBytes(new Clip(4, 6, notes));
        var items = Format.ReadAll("pickup.mid", midi);
        Assert.Equal(["pickup, bars 1-2", "pickup, bars 3-4", "pickup, bars 5-6"], items.Select(i => i.Name));
        Assert.False(ClipText.Parse(items[0].Text).Clip!.EveryBarSounds);
        Assert.Equal(1, Format.FirstChoice(items));
        Assert.Equal(items[1].Text, Format.Read("pickup.mid", midi));
        Assert.Equal(items[0].Text, Format.Read("pickup.mid", midi, part: 1)); // asked for, it is given
        // A note held across the bar line makes the next bar sound too; a file with no fully sounding clip gives its first.
        Assert.True(new Clip(4, 2, [new ClipNote(0, 60, 96, 80)]).EveryBarSounds);
        var sparse = Format.ReadAll("sparse.mid", ClipMidi.ToMidiBytes(new Clip(4, 4, [new ClipNote(0, 60, 12, 80), new ClipNote(96, 62, 12, 80)])));
        Assert.Equal(0, Format.FirstChoice(sparse));
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
    public void ReadAll_GivesEveryClipNamedByItsBars_AndNamesTheFileWhenItCannotBeRead()
    {
        var midi = ClipMidi.ToMidiBytes(Scale(6));
        var items = Format.ReadAll("six-bars.mid", midi);
        Assert.Equal(["six-bars, bars 1-2", "six-bars, bars 3-4", "six-bars, bars 5-6"], items.Select(i => i.Name));
        Assert.Equal(Format.Read("six-bars.mid", midi), items[0].Text);
        Assert.Equal(Format.Read("six-bars.mid", midi, part: 5), items[2].Text);
        Assert.All(items, i => Assert.Null(i.Note));
        Assert.Contains("not '.wav'", Assert.Throws<InvalidDataException>(() => Format.ReadAll("x.wav", midi)).Message);
        Assert.StartsWith("broken.mid: not a Standard MIDI File", Assert.Throws<InvalidDataException>(() => Format.ReadAll("broken.mid", [1, 2, 3])).Message);
    }

    [Fact]
    public void ReadAll_AMeterNoClipCanHave_IsCutAs44_AndSaysSo()
    {
        // As some exporters write: the only time signature is 1/4, over 4 bars of 4/4 music (16 quarter notes).
        var score = ClipMidi.ToScore(Scale(4)) with { TimeSignatures = [new TimeSignatureChange(0, 1, 4)] };
        var items = Format.ReadAll("one-four.mid", MidiWriter.Write(score));
        Assert.Equal(2, items.Count);
        Assert.Equal("A clip cannot be in this file's time signature (1/4); it was cut as 4/4.", items[0].Note);
        var clip = ClipText.Parse(items[0].Text).Clip!;
        Assert.Equal((4, 2, 8), (clip.QuartersPerBar, clip.Bars, clip.Notes.Count));
        Assert.Equal(items[1].Text, Format.Read("one-four.mid", MidiWriter.Write(score), part: 3));
    }

    [Fact]
    public void ReadAll_NoTimeSignature_SaysItWasCutAs44_AndAFileWithoutNotesIsRefused()
    {
        var score = ClipMidi.ToScore(Scale(2)) with { TimeSignatures = [] };
        var item = Assert.Single(Format.ReadAll("plain.mid", MidiWriter.Write(score)));
        Assert.Equal("The file names no time signature; it was cut as 4/4.", item.Note);
        var silent = score with { Parts = [score.Parts[0] with { Notes = [] }] };
        Assert.Equal("silent.mid: the file holds no pitched notes (percussion is left out).",
            Assert.Throws<InvalidDataException>(() => Format.ReadAll("silent.mid", MidiWriter.Write(silent))).Message);
    }

    [Fact]
    public void ReadAll_ASparseBar_StillGivesAClip()
    {
        var sparse = new Clip(4, 2, [new ClipNote(0, 60, 24, 80)]);
        var item = Assert.Single(Format.ReadAll("sparse.mid", ClipMidi.ToMidiBytes(sparse)));
        Assert.Equal(ClipText.ToText(sparse), item.Text);
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
    public void Export_InSequence_PlaysTheValidClipsOneAfterAnother()
    {
        var waltz = new Clip(3, 2, [new ClipNote(0, 67, 12, 80), new ClipNote(36, 64, 12, 80)]);
        var items = new[]
        {
            new ExportItem("a", ClipText.ToText(Scale(2)), true, new Dictionary<string, double>()),
            new ExportItem("bad", "x", false, new Dictionary<string, double>()),
            new ExportItem("b", ClipText.ToText(waltz), true, new Dictionary<string, double>()),
        };
        var score = MidiScore.FromBytes(Format.Export("mid", items));
        var notes = score.AllNotes();
        Assert.Equal(8 + 2, notes.Count);
        var ticksPerStep = ClipMidi.Ppq / ClipVocabulary.StepsPerQuarter;
        Assert.Equal(Scale(2).TotalSteps * ticksPerStep, notes[8].Start); // the waltz starts where the 4/4 clip's bars end
        Assert.Equal(new[] { (0L, 4), (Scale(2).TotalSteps * (long)ticksPerStep, 3) }, score.TimeSignatures.Select(t => (t.Tick, t.Numerator)));
        Assert.Equal(4.0 + 3.0, ClipMidi.Seconds(Scale(2)) + ClipMidi.Seconds(waltz)); // 2 bars of 4/4 and of 3/4 at 120 BPM
        var wav = Format.Export("wav", items);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Contains("nothing to play", Assert.Throws<ArgumentException>(() => Format.Export("mid", [items[1]])).Message);
    }

    [Fact]
    public void MusicModule_OffersFilesAndAudio()
    {
        IDomainModule module = new MusicModule();
        Assert.IsType<ClipFiles>(module.Files);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(module.Audio!.RenderWav(module.Samples[0].Text), 0, 4));
        Assert.Equal(4.0, module.Audio.Seconds(ClipText.ToText(Scale(2))));
        Assert.Null(module.Audio.Seconds("not a clip"));
        Assert.Null(module.StructureSearch);
    }
}
