using System.Text.Json;
using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Cli.Tests.Commands;

/// <summary>The domain subcommands (`chem`, `midi`) on the built-in domains.</summary>
public sealed class DomainCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("latent-cli-domain-").FullName;

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.BuiltIn(args);

    private static string SampleMidi()
    {
        return Directory.GetFiles(Path.Combine(LatentWorkbench.Tests.Checkout.Root, "sample-data", "music", "jazz"), "*.mid").Order().First();
    }

    [Fact]
    public void ChemDescribe_WritesTheDocumentedColumns()
    {
        var input = Path.Combine(_folder, "in.smi");
        File.WriteAllLines(input, ["CCO ethanol", "c1ccccc1", "C1CC", ""]);
        var output = Path.Combine(_folder, "out.csv");
        var (code, _, err) = Run("chem", "describe", "--input", input, "--output", output);
        Assert.True(code == 0, err);
        var lines = File.ReadAllLines(output);
        Assert.Equal("smiles,valid,canonical,mw,exact_mw,logp,mr,tpsa,hbd,hba,rotb,rings,arom_rings,fsp3,heavy,qed,ecfp4_bits,error", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("CCO,1,CCO,", lines[1]);
        Assert.StartsWith("C1CC,0,", lines[3]);
    }

    [Fact]
    public void MidiInspect_Json_ReportsTheFile()
    {
        var (code, json, err) = Run("midi", "inspect", SampleMidi(), "--json");
        Assert.True(code == 0, err);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(1, root.GetProperty("format").GetInt32());
        Assert.True(root.GetProperty("notes").GetInt32() > 0);
        foreach (var key in new[] { "tracks", "ppq", "tempo_events", "end_tick", "duration_seconds", "warnings" })
            Assert.True(root.TryGetProperty(key, out _), key);
    }

    [Fact]
    public void MidiInspect_Garbage_ExitsWithTwoAndOneLine()
    {
        var file = Path.Combine(_folder, "bad.mid");
        File.WriteAllBytes(file, [0x4D, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 1]);
        var (code, _, err) = Run("midi", "inspect", file);
        Assert.Equal(2, code);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public void MidiRender_WritesWave_WithTheBuiltInSynthesizerUnlessFluidSynthIsAskedFor()
    {
        var output = Path.Combine(_folder, "x.wav");
        var (code, _, err) = Run("midi", "render", SampleMidi(), "--out", output);
        Assert.True(code == 0, err);
        Assert.Contains(new LatentWorkbench.Domains.Music.Audio.BuiltInSynth().Name, err);
        var bytes = File.ReadAllBytes(output);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal("WAVE", System.Text.Encoding.ASCII.GetString(bytes, 8, 4));

        (code, _, err) = Run("midi", "render", SampleMidi(), "--out", output, "--fluidsynth");
        Assert.True(code == 0, err);
        var expected = LatentWorkbench.Domains.Music.Audio.FluidSynthRenderer.TryCreate()?.Name ?? new LatentWorkbench.Domains.Music.Audio.BuiltInSynth().Name;
        Assert.Contains(expected, err);
    }

    [Fact]
    public void Domains_ListsMoleculesAndMusic()
    {
        var (code, json, _) = Run("domains", "--json");
        Assert.Equal(0, code);
        var ids = JsonDocument.Parse(json).RootElement.GetProperty("domains").EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(["molecules", "music"], ids);
    }

    [Fact]
    public void MoleculeInterpolate_FromSmilesAndSdFiles_WritesEachStepAsFiles()
    {
        var from = Path.Combine(_folder, "from.smi");
        File.WriteAllLines(from, ["CCO ethanol", "CC(=O)Oc1ccccc1C(=O)O aspirin"]);
        var to = Path.Combine(_folder, "to.sdf");
        File.WriteAllBytes(to, new LatentWorkbench.Domains.Molecules.MoleculeFiles().Write("CN1CCCC1c1cccnc1", "nicotine")[1].Content);
        var output = Path.Combine(_folder, "path");
        var (code, json, err) = Run("interpolate", "--domain", "molecules", "--from", from, "--bar", "2", "--to", to, "--steps", "4",
            "--out", output, "--json");
        Assert.True(code == 0, err);
        var points = JsonDocument.Parse(json).RootElement.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(4, points.Count);
        Assert.All(points, p => Assert.True(p.GetProperty("valid").GetBoolean()));
        Assert.NotEmpty(Directory.GetFiles(output, "*.smi"));
        Assert.Equal(Directory.GetFiles(output, "*.smi").Length, Directory.GetFiles(output, "*.sdf").Length);

        (code, _, err) = Run("interpolate", "--domain", "molecules", "--from", from, "--bar", "5", "--to", to);
        Assert.Equal(2, code);
        Assert.Contains("no molecule 5", err);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
