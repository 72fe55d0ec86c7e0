using LatentWorkbench.Core.Domains;
using LatentWorkbench.Domains.Music.Clips;
using LatentWorkbench.Domains.Music.Midi;

namespace LatentWorkbench.Domains.Music.Tests.Clips;

public class SampleClipsTests
{
    /// <summary>Set to 1 to rewrite sample-data/music from the generator before checking.</summary>
    private const string WriteVariable = "LATENT_WRITE_SAMPLES";

    private static string Folder => Path.Combine(TestPaths.RepoRoot, "sample-data", "music");

    [Fact]
    public void CommittedSampleFiles_AreUpToDate_WithTheGenerator()
    {
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            SampleClips.WriteTo(Folder);
        }
        var expected = SampleClips.Files();
        foreach (var (path, bytes) in expected)
        {
            var file = Path.Combine(Folder, path);
            Assert.True(File.Exists(file), $"{file} is missing: run the tests with {WriteVariable}=1");
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(file)), $"{file} differs from the generator: run the tests with {WriteVariable}=1");
        }
        var committed = Directory.EnumerateFiles(Folder, "*.mid", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Folder, f)).Order();
        Assert.Equal(expected.Keys.Order(), committed);
    }

    [Fact]
    public void Samples_HaveTwelveOrMorePerStyle_AndReadCleanly()
    {
        var samples = SampleClips.All();
        Assert.True(samples.Count(s => s.Style == "jazz") >= 12);
        Assert.True(samples.Count(s => s.Style == "classical") >= 12);
        foreach (var (path, bytes) in SampleClips.Files())
        {
            var summary = MidiInspector.Inspect(bytes);
            Assert.Empty(summary.Warnings);
            Assert.Equal(1, summary.Format);
            Assert.True(summary.Notes >= 16, $"{path} has {summary.Notes} notes");
        }
        Assert.All(samples.Where(s => s.Style == "jazz"), s => Assert.Equal([0, 32], s.Score.Parts.Take(2).Select(p => p.Program)));
    }

    [Fact]
    public void SampleItems_AreValidFourBarClipsWithStyleTags()
    {
        var items = SampleClips.Items();
        Assert.Equal(SampleClips.All().Count, items.Count);
        foreach (var item in items)
        {
            var parsed = ClipText.Parse(item.Text);
            Assert.True(parsed.Ok, $"{item.Name}: {parsed.Error}");
            Assert.Equal(4, parsed.Clip!.Bars);
            Assert.True(parsed.Clip.Notes.Count >= 8, item.Name);
            Assert.Contains(item.Tags.Single(), new[] { "jazz", "classical" });
        }
    }

    [Fact]
    public void DatasetReader_ReadsCommittedSamples_WithStyleTags()
    {
        var records = new MusicDatasetReader(2).Read(Folder, new DatasetOptions()).ToList();
        Assert.True(records.Count(r => r.Tags.SequenceEqual(["jazz"])) >= 24);
        Assert.True(records.Count(r => r.Tags.SequenceEqual(["classical"])) >= 24);
        Assert.All(records, r => Assert.Equal(7, r.Targets.Count));
    }
}
