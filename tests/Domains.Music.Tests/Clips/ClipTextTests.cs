using LatentWorkbench.Domains.Music.Clips;

namespace LatentWorkbench.Domains.Music.Tests.Clips;

public class ClipTextTests
{
    private const string Sample = "M4 BAR P0 N48 D24 V3 N60 D12 V3 N64 D12 V2 P8 N67 D4 V4 BAR P12 N72 D36 V1";

    [Fact]
    public void Parse_ThenToText_GivesTheSameText_WhenCanonical()
    {
        var parsed = ClipText.Parse(Sample);
        Assert.True(parsed.Ok, parsed.Error);
        Assert.Equal(2, parsed.Clip!.Bars);
        Assert.Equal(new ClipNote(60, 72, 36, 40), parsed.Clip.Notes[^1]);
        Assert.Equal(Sample, ClipText.ToText(parsed.Clip));
    }

    [Theory]
    [InlineData("M4 BAR P12 N60 D12 V3 P6 N62 D6 V3", "not allowed", 22)]
    [InlineData("M4 BAR P0 N64 D12 V3 N60 D12 V3", "not allowed", 21)]
    [InlineData("M4 BAR P0 N60 D12", "ends too early", 17)]
    [InlineData("M4 BAR P0 N60 D13 V3", "unknown token 'D13'", 14)]
    [InlineData("BAR P0", "not allowed", 0)]
    [InlineData("M4 BAR P0 N60 D24 V3 P12 N60 D12 V3", "not allowed", 25)]
    [InlineData("M4 BAR BAR BAR BAR BAR", "not allowed", 19)]
    public void Parse_ReportsErrorAndPosition_WhenMalformed(string text, string error, int position)
    {
        var parsed = ClipText.Parse(text);
        Assert.False(parsed.Ok);
        Assert.Contains(error, parsed.Error);
        Assert.Equal(position, parsed.Position);
    }

    [Fact]
    public void ToText_KeepsAtMostEightSoundingNotes_WhenClusterIsLarger()
    {
        var clip = new Clip(4, 1, [.. Enumerable.Range(0, 12).Select(i => new ClipNote(0, 60 + i, 48, 80))]);
        var back = ClipText.Parse(ClipText.ToText(clip)).Clip!;
        Assert.Equal(ClipVocabulary.MaxPolyphony, back.Notes.Count);
    }

    [Fact]
    public void TextToMidiBytes_RoundTripsThroughMidi_ForTriplets()
    {
        const string text = "M3 BAR P0 N60 D4 V3 P4 N62 D4 V3 P8 N64 D4 V3 P12 N65 D24 V2";
        var clip = ClipMidi.FromMidiBytes(ClipMidi.TextToMidiBytes(text), bars: 1);
        Assert.Equal(text, ClipText.ToText(clip));
    }

    [Fact]
    public void Tokenizer_SplitsAndJoins_AndReportsUnknownTokenPosition()
    {
        var tokenizer = new ClipTokenizer();
        var result = tokenizer.Tokenize(Sample);
        Assert.True(result.Ok);
        Assert.Equal(Sample, tokenizer.Detokenize(result.Tokens));
        var bad = tokenizer.Tokenize("M4 BAR Q1");
        Assert.Equal(7, bad.ErrorPosition);
    }

    [Fact]
    public void Validator_ReturnsCanonicalText_OrErrorWithPosition()
    {
        var validator = new ClipValidator();
        Assert.Equal("M4 BAR P0 N60 D12 V3", validator.Validate("  M4  BAR P0 N60 D12 V3 ").Canonical);
        var bad = validator.Validate("M4 BAR P0 X");
        Assert.False(bad.IsValid);
        Assert.Equal(10, bad.Position);
    }

    [Fact]
    public void ToText_EndsANoteWhereItsKeyIsStruckAgain()
    {
        var clip = new Clip(4, 1, [new ClipNote(0, 60, 48, 80), new ClipNote(12, 60, 12, 80)]);
        Assert.Equal("M4 BAR P0 N60 D12 V3 P12 N60 D12 V3", ClipText.ToText(clip));
    }
}
