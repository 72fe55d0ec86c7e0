using LatentWorkbench.Domains.Music.Clips;

namespace LatentWorkbench.Domains.Music.Tests.Clips;

public class BeatAlignerTests
{
    [Fact]
    public void Fit_RecoversDriftAndOffset_OfSwungLine()
    {
        // Beats every 0.3 s; the "file" plays swung eighths (beat and 2/3) but its clock runs 0.8% fast and 0.1 s late.
        var grid = new BeatGrid([.. Enumerable.Range(0, 400).Select(i => 1.0 + 0.3 * i)], [.. Enumerable.Range(0, 400).Select(i => i / 4)]);
        var rng = new Random(3);
        var onsets = Enumerable.Range(0, 390).SelectMany(b => new[] { b, b + 2.0 / 3 })
            .Select(beat => 1.0 + 0.3 * beat + rng.NextDouble() * 0.01)
            .Select(t => (t - 0.1) / 1.008).ToList();
        var (scale, offset) = BeatAligner.Fit(onsets, grid);
        Assert.Equal(1.008, scale, 3);
        Assert.Equal(0.1, offset, 1);
    }
}
