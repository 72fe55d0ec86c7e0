using LatentWorkbench.Core.Domains;
using LatentWorkbench.Domains.Music.Clips;
using Xunit.Abstractions;

namespace LatentWorkbench.Domains.Music.Tests.Clips;

public class MusicDatasetReaderTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Read_GivesParsableTaggedClips_ForEveryStyleInSharedData()
    {
        Skip.IfNot(TestPaths.HasSharedMidi, TestPaths.SkipMessage);
        var records = new MusicDatasetReader(4).Read(TestPaths.SharedMidi, new DatasetOptions()).ToList();
        var byStyle = records.GroupBy(r => r.Tags.Single()).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (style, list) in byStyle)
        {
            output.WriteLine($"{style}: {list.Count} clips, mean swing {list.Average(r => r.Targets["swing"]):0.00}, " +
                $"mean polyphony {list.Average(r => r.Targets["polyphony"]):0.00}, mean key fit {list.Average(r => r.Targets["key_fit"]):0.00}");
        }
        Assert.Equal(["classical", "folk", "jazz"], byStyle.Keys.Order());
        Assert.All(records, r => Assert.True(ClipText.Parse(r.Text).Ok, r.Text));
        Assert.True(byStyle["jazz"].Average(r => r.Targets["swing"]) > byStyle["classical"].Average(r => r.Targets["swing"]));
    }

    [SkippableFact]
    public void BeatTableFinder_MatchesNearlyEverySolo_InSharedData()
    {
        Skip.IfNot(TestPaths.HasSharedMidi, TestPaths.SkipMessage);
        var solos = Directory.GetFiles(Path.Combine(TestPaths.SharedMidi, "jazz", "wjazzd-solos"), "*.mid");
        var finder = new BeatTableFinder();
        var unmatched = solos.Where(s => finder.Find(s) is null).Select(Path.GetFileName).ToList();
        output.WriteLine($"{solos.Length - unmatched.Count} of {solos.Length} solos matched; unmatched: {string.Join(", ", unmatched)}");
        Assert.True(unmatched.Count <= solos.Length / 50);
    }

    [Fact]
    public void Read_AddsTranspositions_WhenAugmenting()
    {
        var dir = Directory.CreateTempSubdirectory("music-reader");
        try
        {
            var jazz = Directory.CreateDirectory(Path.Combine(dir.FullName, "jazz"));
            var clip = ClipText.Parse("M4 BAR P0 N60 D12 V3 P12 N62 D12 V3 P24 N64 D12 V3 P36 N65 D12 V3 BAR BAR BAR").Clip!;
            File.WriteAllBytes(Path.Combine(jazz.FullName, "a.mid"), ClipMidi.ToMidiBytes(clip));
            var plain = new MusicDatasetReader(4).Read(dir.FullName, new DatasetOptions()).ToList();
            var augmented = new MusicDatasetReader(4).Read(dir.FullName, new DatasetOptions(Augment: true, Seed: 1)).ToList();
            Assert.Equal(ClipText.ToText(clip), Assert.Single(plain).Text);
            Assert.Equal(4, augmented.Count);
            Assert.Equal(4, augmented.Select(r => r.Targets["mean_pitch"]).Distinct().Count());
            Assert.All(augmented, r => Assert.Equal(["jazz"], r.Tags));
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
