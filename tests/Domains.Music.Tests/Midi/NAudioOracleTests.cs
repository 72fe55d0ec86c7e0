using LatentWorkbench.Domains.Music.Midi;
using Xunit.Abstractions;
using NAudioMidi = NAudio.Midi;

namespace LatentWorkbench.Domains.Music.Tests.Midi;

/// <summary>
/// NAudio.Midi as a second, in-process oracle for the project's MIDI reader, beside the npm parsers of
/// <see cref="MidiOracleTests"/>: on every shared file both report the same format, track count, resolution and note
/// count, and every file the project writes NAudio reads back with every note. NAudio is not the production reader:
/// it reads far slower and fails on damaged files with assorted exceptions where the project's reader names the byte
/// offset (docs/music.md).
/// </summary>
public class NAudioOracleTests(ITestOutputHelper output)
{
    /// <summary>What NAudio reads in the file: format, tracks, ticks per quarter note, and note-ons with a velocity.</summary>
    private static (int Format, int Tracks, int Ppq, int Notes) ReadWithNAudio(string path)
    {
        var file = new NAudioMidi.MidiFile(path, strictChecking: false);
        int notes = 0;
        for (int track = 0; track < file.Tracks; track++)
            foreach (var e in file.Events[track])
                if (e.CommandCode == NAudioMidi.MidiCommandCode.NoteOn && e is NAudioMidi.NoteEvent { Velocity: > 0 }) notes++;
        return (file.FileFormat, file.Tracks, file.DeltaTicksPerQuarterNote, notes);
    }

    [SkippableFact]
    public void Inspect_AgreesWithNAudio_OnEverySharedFile()
    {
        Skip.IfNot(TestPaths.HasSharedMidi, TestPaths.SkipMessage);
        var files = TestPaths.SharedMidiFiles();
        var disagreements = new List<string>();
        foreach (var path in files)
        {
            var ours = MidiInspector.Inspect(File.ReadAllBytes(path));
            var theirs = ReadWithNAudio(path);
            if (theirs != (ours.Format, ours.Tracks, ours.Ppq, ours.Notes))
                disagreements.Add($"{path}: NAudio {theirs} vs ours {ours.ToJson()}");
        }
        output.WriteLine($"{files.Count} files: NAudio agrees on {files.Count - disagreements.Count}");
        disagreements.Take(20).ToList().ForEach(output.WriteLine);
        Assert.Empty(disagreements);
    }

    [Fact]
    public void WrittenFiles_AreReadBackByNAudio_WithEveryNote()
    {
        var sources = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "sample-data", "music"), "*.mid", SearchOption.AllDirectories)
            .Concat(TestPaths.SharedMidiFiles().Where((_, i) => i % 25 == 0)).ToList();
        Assert.NotEmpty(sources);
        var dir = Directory.CreateTempSubdirectory("music-naudio");
        try
        {
            var wrong = new List<string>();
            foreach (var (source, i) in sources.Select((s, i) => (s, i)))
            {
                var score = MidiScore.FromBytes(File.ReadAllBytes(source));
                var path = Path.Combine(dir.FullName, $"{i}.mid");
                File.WriteAllBytes(path, MidiWriter.Write(score));
                var read = ReadWithNAudio(path);
                if (read.Format != 1 || read.Notes != score.AllNotes().Count) wrong.Add($"{source}: NAudio reads {read}, written {score.AllNotes().Count} notes");
            }
            output.WriteLine($"{sources.Count} written files, {sources.Count - wrong.Count} read back by NAudio with every note");
            Assert.Empty(wrong);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
