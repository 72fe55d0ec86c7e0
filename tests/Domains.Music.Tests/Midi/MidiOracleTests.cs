using System.Text.Json;
using LatentWorkbench.Domains.Music.Midi;
using LatentWorkbench.Tests;
using Xunit.Abstractions;

namespace LatentWorkbench.Domains.Music.Tests.Midi;

/// <summary>Compares <see cref="MidiInspector"/> with two public parsers (npm midi-file and @tonejs/midi) on every shared file.</summary>
public class MidiOracleTests(ITestOutputHelper output)
{
    private static string OracleDir => Path.Combine(TestPaths.RepoRoot, "tests", "Domains.Music.Tests", "oracle");

    [SkippableFact]
    public void Inspect_AgreesWithPublicParsers_OnEverySharedFile()
    {
        Skip.IfNot(TestPaths.HasSharedMidi, TestPaths.SkipMessage);
        Skip.IfNot(Directory.Exists(Path.Combine(OracleDir, "node_modules", "midi-file")),
            $"oracle not installed: run `npm ci` in {OracleDir}");
        var files = TestPaths.SharedMidiFiles();
        var oracle = RunOracle(files);
        Skip.If(oracle is null, "node is not on PATH");
        int midiFileAgree = 0, toneAgree = 0;
        var disagreements = new List<string>();
        foreach (var path in files)
        {
            var ours = MidiInspector.Inspect(File.ReadAllBytes(path));
            var o = oracle![path];
            var mf = o.GetProperty("midiFile");
            if (mf.GetProperty("format").GetInt32() == ours.Format && mf.GetProperty("tracks").GetInt32() == ours.Tracks
                && mf.GetProperty("ppq").GetInt32() == ours.Ppq && mf.GetProperty("notes").GetInt32() == ours.Notes)
            {
                midiFileAgree++;
            }
            else
            {
                disagreements.Add($"midi-file {path}: {mf} vs {ours.ToJson()}");
            }
            var tone = o.GetProperty("tone");
            int paired = MidiScore.FromFile(MidiReader.Read(File.ReadAllBytes(path)), applySustain: false).AllNotes().Count;
            if (tone.GetProperty("ppq").GetInt32() == ours.Ppq && tone.GetProperty("notes").GetInt32() == paired && paired == ours.Notes)
            {
                toneAgree++;
            }
            else
            {
                disagreements.Add($"tonejs {path}: {tone} vs ours notes={ours.Notes} paired={paired}");
            }
        }
        output.WriteLine($"{files.Count} files: midi-file agrees on {midiFileAgree}, @tonejs/midi on {toneAgree}");
        disagreements.Take(20).ToList().ForEach(output.WriteLine);
        Assert.Empty(disagreements);
    }

    [SkippableFact]
    public void Write_IsReadBackByPublicParsers_ForSamplesAndRewrittenSharedFiles()
    {
        Skip.IfNot(Directory.Exists(Path.Combine(OracleDir, "node_modules", "midi-file")),
            $"oracle not installed: run `npm ci` in {OracleDir}");
        var sources = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "sample-data", "music"), "*.mid", SearchOption.AllDirectories)
            .Concat(TestPaths.SharedMidiFiles().Where((_, i) => i % 25 == 0)).ToList();
        var dir = Directory.CreateTempSubdirectory("music-oracle");
        try
        {
            var written = new Dictionary<string, int>();
            foreach (var (source, i) in sources.Select((s, i) => (s, i)))
            {
                var score = MidiScore.FromBytes(File.ReadAllBytes(source));
                var path = Path.Combine(dir.FullName, $"{i}.mid");
                File.WriteAllBytes(path, MidiWriter.Write(score));
                written[path] = score.AllNotes().Count;
            }
            var oracle = RunOracle([.. written.Keys]);
            Skip.If(oracle is null, "node is not on PATH");
            var wrong = written.Where(w =>
                oracle![w.Key].GetProperty("midiFile").GetProperty("notes").GetInt32() != w.Value
                || oracle[w.Key].GetProperty("tone").GetProperty("notes").GetInt32() != w.Value
                || oracle[w.Key].GetProperty("midiFile").GetProperty("format").GetInt32() != 1).Select(w => w.Key).ToList();
            output.WriteLine($"{written.Count} written files, {written.Count - wrong.Count} read back with every note by both parsers");
            Assert.Empty(wrong);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    /// <summary>The oracle's reading of each file, by path; null when node is not on PATH. Throws when the oracle fails.</summary>
    private static Dictionary<string, JsonElement>? RunOracle(IReadOnlyList<string> files)
    {
        var run = ExternalProgram.TryRun("node", [Path.Combine(OracleDir, "inspect.js")], input: string.Join('\n', files), workingDirectory: OracleDir);
        if (run is null) return null;
        var result = new Dictionary<string, JsonElement>();
        foreach (var line in run.EnsureSucceeded().Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var e = JsonDocument.Parse(line).RootElement;
            result[e.GetProperty("path").GetString()!] = e;
        }
        return result;
    }
}
