using LatentWorkbench.Domains.Music.Clips;

namespace LatentWorkbench.Domains.Music.Tests.Clips;

public class ClipAttributesTests
{
    private readonly MusicPropertyCalculator _calculator = new();

    [Fact]
    public void Compute_GivesKnownValues_ForCMajorChordAndSyncopatedLine()
    {
        // bar 1: C major triad, whole notes; bar 2: D at step 54 (offbeat, held over the beat), E at 60.
        var values = _calculator.Compute("M4 BAR P0 N60 D48 V3 N64 D48 V3 N67 D48 V3 BAR P6 N62 D12 V3 P12 N63 D6 V3");
        Assert.Equal(5 / 8.0, values["note_density"], 9);
        Assert.Equal((60 + 64 + 67 + 62 + 63) / 5.0, values["mean_pitch"], 9);
        Assert.Equal(7, values["pitch_range"]);
        Assert.Equal((48 * 3 + 12 + 6) / 60.0, values["polyphony"], 9);
        Assert.Equal(1 / 3.0, values["syncopation"], 9);
        Assert.Equal(1.0, values["swing"]);
        Assert.Equal(4 / 5.0, values["key_fit"], 9);
    }

    [Fact]
    public void Compute_ReturnsEmpty_WhenTextIsNotAClip()
    {
        Assert.Empty(_calculator.Compute("hello"));
        Assert.Equal(_calculator.Definitions.Select(d => d.Key), _calculator.Compute("M4 BAR").Keys);
    }
}
