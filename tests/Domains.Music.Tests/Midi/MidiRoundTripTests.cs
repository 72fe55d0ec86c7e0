using LatentWorkbench.Domains.Music.Midi;
using Xunit.Abstractions;

namespace LatentWorkbench.Domains.Music.Tests.Midi;

public class MidiRoundTripTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void WriteThenRead_KeepsEveryNoteAndTempo_OnEverySharedFile()
    {
        Skip.IfNot(TestPaths.HasSharedMidi, TestPaths.SkipMessage);
        var files = TestPaths.SharedMidiFiles();
        int notes = 0;
        var failures = new List<string>();
        foreach (var path in files)
        {
            var first = MidiScore.FromBytes(File.ReadAllBytes(path));
            var second = MidiScore.FromBytes(MidiWriter.Write(first));
            notes += first.AllNotes().Count;
            if (!Keys(first).SequenceEqual(Keys(second)))
            {
                failures.Add($"{path}: notes differ ({first.AllNotes().Count} vs {second.AllNotes().Count})");
            }
            if (!first.Tempos.SequenceEqual(second.Tempos) || !first.TimeSignatures.SequenceEqual(second.TimeSignatures))
            {
                failures.Add($"{path}: tempo map or time signatures differ");
            }
        }
        output.WriteLine($"{files.Count} files, {notes} notes round-tripped, {failures.Count} failures");
        failures.Take(20).ToList().ForEach(output.WriteLine);
        Assert.Empty(failures);
    }

    [Fact]
    public void Write_ProducesFormat1WithConductorAndPartTracks()
    {
        var score = new MidiScore(480, [new TempoChange(0, 600_000)], [new TimeSignatureChange(0, 3, 4)],
            [new MidiPart("Bass", 1, 32, [new MidiNote(40, 0, 480, 90, 1), new MidiNote(40, 480, 0, 70, 1)])], 960);
        var file = MidiReader.Read(MidiWriter.Write(score));
        Assert.Equal((1, 2, 480), (file.Format, file.DeclaredTracks, file.Ppq));
        Assert.Empty(file.Warnings);
        var back = MidiScore.FromFile(file);
        Assert.Equal(score.Parts[0] with { Notes = [] }, back.Parts[0] with { Notes = [] });
        Assert.Equal(score.Parts[0].Notes, back.Parts[0].Notes);
        Assert.Equal(960, back.EndTick);
    }

    private static IEnumerable<(int, long, long, int, int)> Keys(MidiScore s) =>
        s.AllNotes().Select(n => (n.Pitch, n.Start, n.Duration, n.Velocity, n.Channel)).Order();
}
