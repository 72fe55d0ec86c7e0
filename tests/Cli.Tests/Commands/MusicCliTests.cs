using System.Text;
using System.Text.Json;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Domains.Music;
using LatentWorkbench.Domains.Music.Clips;
using LatentWorkbench.Domains.Music.Midi;

namespace LatentWorkbench.Cli.Tests.Commands;

/// <summary>The music shapes of the model commands on the committed default music model: MIDI in, MIDI and WAV out.</summary>
public sealed class MusicCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("latent-cli-music-").FullName;

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.BuiltIn(args);

    private static string Sample(string style) =>
        Directory.GetFiles(Path.Combine(LatentWorkbench.Tests.Checkout.Root, "sample-data", "music", style), "*.mid").Order(StringComparer.Ordinal).First();

    private static void SkipWithoutModel() =>
        Skip.IfNot(File.Exists(Path.Combine(ModelLocator.DefaultModelFolder(new MusicModule()), "config.json")), "the default music model is not in sample-data/models/music");

    private static string Magic(string file) => Encoding.ASCII.GetString(File.ReadAllBytes(file), 0, 4);

    [SkippableFact]
    public void Interpolate_FromMidiFiles_WritesMidiAndWav_AndReportsAttributes()
    {
        SkipWithoutModel();
        var output = Path.Combine(_folder, "path");
        var (code, json, err) = Run("interpolate", "--domain", "music", "--from", Sample("jazz"), "--to", Sample("classical"),
            "--steps", "4", "--out", output, "--audio", "--json", "--device", "cpu");
        Assert.True(code == 0, err);
        var points = JsonDocument.Parse(json).RootElement.GetProperty("points");
        Assert.Equal(4, points.GetArrayLength());
        foreach (var point in points.EnumerateArray())
        {
            var file = point.GetProperty("file").GetString()!;
            Assert.Equal("MThd", Magic(file));
            Assert.Equal("RIFF", Magic(Path.ChangeExtension(file, ".wav")));
            var attributes = point.GetProperty("attributes");
            foreach (var key in new[] { "p_jazz", "note_density", "syncopation", "swing" }) Assert.True(attributes.TryGetProperty(key, out _), key);
            Assert.InRange(point.GetProperty("distance_from_start").GetDouble(), 0, 1);
            Assert.True(point.TryGetProperty("ood_score", out _));
        }
        var names = Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["step_00.mid", "step_00.wav", "step_01.mid"], names.Where(n => n!.StartsWith("step_", StringComparison.Ordinal)).Take(3));
        Assert.Equal(["from.mid", "from.wav", "to.mid", "to.wav"], names.Where(n => !n!.StartsWith("step_", StringComparison.Ordinal)));
        // The given clips, exactly as cut from the input files.
        var files = BuiltInDomains.All().Single(d => d.Id == "music").Files!;
        Assert.Equal(files.ReadFile(Sample("jazz")), files.ReadFile(Path.Combine(output, "from.mid")));
        Assert.Equal(files.ReadFile(Sample("classical")), files.ReadFile(Path.Combine(output, "to.mid")));
    }

    [SkippableFact]
    public void Evaluate_OnTheSampleClips_ReportsNoteF1_ForGreedyAndConsistentDecodes()
    {
        SkipWithoutModel();
        var (code, json, err) = Run("evaluate", "--domain", "music", "--data", Path.Combine(LatentWorkbench.Tests.Checkout.Root, "sample-data", "music"),
            "--samples", "0", "--consistent", "--json", "--device", "cpu");
        Assert.True(code == 0, err);
        var figures = JsonDocument.Parse(json).RootElement;
        Assert.InRange(figures.GetProperty("note_f1").GetDouble(), 0, 1);
        var consistent = figures.GetProperty("consistent");
        Assert.InRange(consistent.GetProperty("note_f1").GetDouble(), 0, 1);
        Assert.InRange(consistent.GetProperty("recon_exact").GetDouble(), figures.GetProperty("recon_exact").GetDouble(), 1);
        Assert.True(figures.GetProperty("token_accuracy_by_kind").TryGetProperty("pitch", out _));
    }

    [SkippableFact]
    public void Navigate_AlongAnAttribute_AndSample_WriteClips()
    {
        SkipWithoutModel();
        var (code, json, err) = Run("navigate", "--domain", "music", "--from", Sample("classical"), "--attribute", "swing:+1", "--steps", "2",
            "--out", Path.Combine(_folder, "walk"), "--json", "--device", "cpu");
        Assert.True(code == 0, err);
        Assert.Equal(3, JsonDocument.Parse(json).RootElement.GetProperty("points").GetArrayLength());

        var (sampleCode, _, sampleErr) = Run("sample", "--domain", "music", "-n", "3", "--out", Path.Combine(_folder, "new"), "--device", "cpu");
        Assert.True(sampleCode == 0, sampleErr);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_folder, "new"), "sample_*.mid"));

        var (aroundCode, around, aroundErr) = Run("sample", "--domain", "music", "--around", Sample("jazz"), "--bar", "3", "-n", "2",
            "--out", Path.Combine(_folder, "around"), "--json", "--device", "cpu");
        Assert.True(aroundCode == 0, aroundErr);
        Assert.All(JsonDocument.Parse(around).RootElement.GetProperty("points").EnumerateArray(),
            p => Assert.True(p.TryGetProperty("similarity_to_start", out _)));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_folder, "around"), "sample_*.mid"));
    }

    [SkippableFact]
    public void BadMusicInput_GetsExitCode2_WithAMessage()
    {
        SkipWithoutModel();
        var (code, _, err) = Run("interpolate", "--domain", "music", "--from", Sample("jazz"), "--bar", "9999", "--to", Sample("classical"), "--device", "cpu");
        Assert.Equal(2, code);
        Assert.Contains("bar 9999", err);
        (code, _, err) = Run("navigate", "--domain", "music", "--from", Sample("jazz"), "--attribute", "swing", "--device", "cpu");
        Assert.Equal(2, code);
        Assert.Contains("NAME:+AMOUNT", err);
        (code, _, err) = Run("navigate", "--domain", "music", "--from", Sample("jazz"), "--attribute", "loudness:+1", "--device", "cpu");
        Assert.Equal(2, code);
        Assert.Contains("no attribute vector", err);
        (code, _, err) = Run("interpolate", "--domain", "music", "--from", Path.Combine(_folder, "missing.mid"), "--to", Sample("classical"), "--device", "cpu");
        Assert.Equal(2, code);
        Assert.Contains("missing.mid", err);
    }

    [SkippableFact]
    public void Interpolate_FromAFileInAMeterNoClipCanHave_CutsItAs44_AndSaysSo()
    {
        SkipWithoutModel();
        var notes = Enumerable.Range(0, 16).Select(i => new ClipNote(i * 12, 60 + i % 7, 12, 80)).ToList();
        var score = ClipMidi.ToScore(new Clip(4, 4, notes)) with { TimeSignatures = [new TimeSignatureChange(0, 1, 4)] };
        var file = Path.Combine(_folder, "one-four.mid");
        File.WriteAllBytes(file, MidiWriter.Write(score));
        var (code, _, err) = Run("interpolate", "--domain", "music", "--from", file, "--bar", "3", "--to", Sample("classical"), "--steps", "3", "--device", "cpu");
        Assert.True(code == 0, err);
        Assert.Contains("note: one-four, bars 3-4: A clip cannot be in this file's time signature (1/4); it was cut as 4/4.", err);
        Assert.Contains("read: one-four, bars 3-4\n", err.ReplaceLineEndings("\n"));
    }

    [SkippableFact]
    public void Interpolate_FromAFileThatOpensWithARest_TakesItsFirstFullySoundingClip_AndSaysWhich()
    {
        SkipWithoutModel();
        var notes = Enumerable.Range(4, 12).Select(i => new ClipNote(i * 12, 60 + i % 7, 12, 80)).ToList();
        var file = Path.Combine(_folder, "pickup.mid");
        File.WriteAllBytes(file, ClipMidi.ToMidiBytes(new Clip(4, 4, notes)));
        var (code, _, err) = Run("interpolate", "--domain", "music", "--from", file, "--to", Sample("classical"), "--steps", "3", "--device", "cpu");
        Assert.True(code == 0, err);
        Assert.Contains("read: pickup, bars 3-4 (another part: --bar N, or --to-bar N for --to)", err);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
