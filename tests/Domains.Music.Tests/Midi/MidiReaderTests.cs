using LatentWorkbench.Domains.Music.Midi;
using static LatentWorkbench.Domains.Music.Tests.Midi.MidiTestFiles;

namespace LatentWorkbench.Domains.Music.Tests.Midi;

public class MidiReaderTests
{
    [Fact]
    public void Read_UsesRunningStatusAndVelocityZeroAsNoteOff_WhenFormat0()
    {
        // on 60, running-status on 64, then both ended by velocity-0 note ons (running status again).
        var bytes = File(0, 96, Track([0x00, 0x90, 60, 100, 0x00, 64, 90, 0x60, 60, 0, 0x00, 64, 0, .. EndOfTrack]));
        var score = MidiScore.FromBytes(bytes);
        var notes = score.AllNotes();
        Assert.Equal(2, notes.Count);
        Assert.Equal(new MidiNote(60, 0, 96, 100, 0), notes[0]);
        Assert.Equal(new MidiNote(64, 0, 96, 90, 0), notes[1]);
    }

    [Fact]
    public void Read_PairsOverlappingSamePitchFirstInFirstOut_WhenNotesOverlap()
    {
        var bytes = File(0, 96, Track([0x00, 0x90, 60, 100, 0x30, 0x90, 60, 80, 0x30, 0x80, 60, 0, 0x30, 0x80, 60, 0, .. EndOfTrack]));
        var notes = MidiScore.FromBytes(bytes).AllNotes();
        Assert.Equal([new MidiNote(60, 0, 96, 100, 0), new MidiNote(60, 48, 96, 80, 0)], notes);
    }

    [Fact]
    public void Read_ExtendsNotesUntilPedalLift_WhenSustainDown()
    {
        // pedal down, note 0..48 released under pedal, pedal up at 144.
        var bytes = File(0, 96, Track([0x00, 0xB0, 64, 127, 0x00, 0x90, 60, 100, 0x30, 0x80, 60, 0, 0x60, 0xB0, 64, 0, .. EndOfTrack]));
        Assert.Equal(144, MidiScore.FromBytes(bytes).AllNotes().Single().Duration);
        Assert.Equal(48, MidiScore.FromFile(MidiReader.Read(bytes), applySustain: false).AllNotes().Single().Duration);
    }

    [Fact]
    public void Read_ReadsSysexEscapeAndMetaEvents_WhenPresent()
    {
        var bytes = File(1, 480,
            Track([0x00, 0xFF, 0x51, 3, 0x07, 0xA1, 0x20, 0x00, 0xFF, 0x58, 4, 3, 2, 24, 8, 0x00, 0xFF, 0x59, 2, 0xFE, 0, 0x00, 0xFF, 0x06, 1, (byte)'A', .. EndOfTrack]),
            Track([0x00, 0xF0, 3, 0x7E, 0x09, 0xF7, 0x00, 0xF7, 2, 0xF8, 0xFA, 0x00, 0xFF, 0x03, 2, (byte)'P', (byte)'n', 0x00, 0xC0, 5, 0x00, 0x90, 60, 1, 0x10, 0x80, 60, 0, .. EndOfTrack]));
        var file = MidiReader.Read(bytes);
        Assert.Empty(file.Warnings);
        Assert.Contains(file.Tracks[1].Events, e => e.Kind == MidiEventKind.SysEx && e.Payload.Length == 3);
        Assert.Contains(file.Tracks[1].Events, e => e.Kind == MidiEventKind.Escape && e.Payload.Length == 2);
        var score = MidiScore.FromFile(file);
        Assert.Equal(500_000, score.Tempos.Single().MicrosecondsPerQuarter);
        Assert.Equal(new TimeSignatureChange(0, 3, 4), score.TimeSignatures.Single());
        Assert.Equal(("Pn", 5), (score.Parts.Single().Name, score.Parts.Single().Program));
        Assert.Equal(new KeySignatureChange(0, -2, false), MidiMetaEvents.KeySignatures(file).Single());
        Assert.Equal((0, 0L, "A"), MidiMetaEvents.Texts(file, MidiMeta.Marker).Single());
    }

    [Fact]
    public void Read_WarnsAndKeepsNotes_WhenEndOfTrackMissingAndTrailingGarbage()
    {
        byte[] bytes = [.. File(0, 96, Track([0x00, 0x90, 60, 100, 0x60, 0x80, 60, 0])), 1, 2, 3];
        var file = MidiReader.Read(bytes);
        Assert.Single(MidiScore.FromFile(file).AllNotes());
        Assert.Contains(file.Warnings, w => w.Contains("end-of-track"));
        Assert.Contains(file.Warnings, w => w.Contains("trailing"));
    }

    [Fact]
    public void Read_ThrowsWithOffset_WhenDataByteHasNoRunningStatus()
    {
        var bytes = File(0, 96, Track([0x00, 0x3C, 0x40, .. EndOfTrack]));
        var ex = Assert.Throws<MidiFormatException>(() => MidiReader.Read(bytes));
        Assert.Equal(23, ex.Offset);
        Assert.Contains("at byte 23", ex.Message);
    }

    [Fact]
    public void Read_ThrowsWithOffset_WhenVariableLengthNeverEnds()
    {
        var bytes = File(0, 96, Track([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x90, 60, 1, .. EndOfTrack]));
        Assert.Equal(22, Assert.Throws<MidiFormatException>(() => MidiReader.Read(bytes)).Offset);
    }

    [Fact]
    public void Read_Throws_WhenHeaderMissing()
    {
        Assert.Contains("MThd", Assert.Throws<MidiFormatException>(() => MidiReader.Read("RIFX0000"u8.ToArray())).Message);
    }

    [Fact]
    public void Read_WarnsOnTruncation_WhenChunkLengthExceedsFile()
    {
        byte[] full = File(0, 96, Track([0x00, 0x90, 60, 100, 0x60, 0x80, 60, 0, .. EndOfTrack]));
        var file = MidiReader.Read(full[..^5]);
        Assert.Contains(file.Warnings, w => w.Contains("declares"));
        Assert.Single(MidiScore.FromFile(file).AllNotes());
    }

    [Fact]
    public void TempoMap_ConvertsTicksToSeconds_AcrossTempoChanges()
    {
        var map = new TempoMap(100, [new TempoChange(0, 500_000), new TempoChange(200, 1_000_000)]);
        Assert.Equal(1.0, map.Seconds(200), 9);
        Assert.Equal(2.0, map.Seconds(300), 9);
        Assert.Equal(300, map.Tick(2.0), 6);
    }

    [Fact]
    public void TryInspect_GivesOneLineError_WhenUnreadable()
    {
        Assert.False(MidiInspector.TryInspect([1, 2, 3], out var summary, out var error));
        Assert.Null(summary);
        Assert.DoesNotContain('\n', error!);
        Assert.Contains("at byte 0", error);
    }

    [Fact]
    public void Write_BridgesGapsLongerThanADeltaTime()
    {
        var score = new MidiScore(96, [], [], [new MidiPart("", 0, 0, [new MidiNote(60, 0x1FFFFFFFL, 10, 90, 0)])], 0x1FFFFFFFL + 10);
        var back = MidiScore.FromBytes(MidiWriter.Write(score));
        Assert.Equal(score.Parts[0].Notes, back.Parts[0].Notes);
    }

    [Fact]
    public void Inspect_ReportsCountsAndSeconds_AsSnakeCaseJson()
    {
        var score = new MidiScore(480, [new TempoChange(0, 500_000), new TempoChange(960, 1_000_000)], [new TimeSignatureChange(0, 4, 4)],
            [new MidiPart("", 0, 0, [new MidiNote(60, 0, 480, 90, 0), new MidiNote(62, 960, 960, 90, 0)])], 1920);
        var summary = MidiInspector.Inspect(MidiWriter.Write(score));
        Assert.Equal(new MidiSummary(1, 2, 480, 2, 2, 1920, 3.0, []) with { Warnings = summary.Warnings }, summary);
        Assert.Empty(summary.Warnings);
        Assert.Equal("""{"format":1,"tracks":2,"ppq":480,"notes":2,"tempo_events":2,"end_tick":1920,"duration_seconds":3,"warnings":[]}""", summary.ToJson());
    }
}
