using System.Diagnostics;
using System.Text.Json;
using LatentWorkbench.Domains.Music.Midi;
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

    private static Dictionary<string, JsonElement>? RunOracle(IReadOnlyList<string> files)
    {
        var psi = new ProcessStartInfo("node", Path.Combine(OracleDir, "inspect.js"))
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = OracleDir,
        };
        Process? process;
        try
        {
            process = Process.Start(psi);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        using var p = process!;
        var reading = p.StandardOutput.ReadToEndAsync();
        p.StandardInput.Write(string.Join('\n', files));
        p.StandardInput.Close();
        string text = reading.GetAwaiter().GetResult();
        p.WaitForExit();
        var result = new Dictionary<string, JsonElement>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var e = JsonDocument.Parse(line).RootElement;
            result[e.GetProperty("path").GetString()!] = e;
        }
        return result;
    }
}
