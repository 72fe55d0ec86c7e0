using LatentWorkbench.Core.Training;
using LatentWorkbench.Domains.Music.Clips;
using LatentWorkbench.Domains.Music.Evaluation;

namespace LatentWorkbench.Domains.Music.Tests.Evaluation;

public class MusicEvaluatorTests
{
    private static Clip ClipOf(params (int Step, int Pitch, int Duration)[] notes) =>
        new(4, 2, notes.Select(n => new ClipNote(n.Step, n.Pitch, n.Duration, 80)).ToList());

    [Theory]
    [InlineData("N60", "pitch")]
    [InlineData("D12", "duration")]
    [InlineData("V3", "velocity")]
    [InlineData("P18", "position")]
    [InlineData("BAR", "bar")]
    [InlineData("M4", "meter")]
    [InlineData("<eos>", null)]
    [InlineData("<pad>", null)]
    public void TokenKind_NamesEachClipTokenKind(string token, string? kind) =>
        Assert.Equal(kind, new MusicEvaluator().TokenKind(token));

    [Fact]
    public void NoteF1_MatchesOnPitchAndOnset_IgnoringDuration()
    {
        var reference = ClipOf((0, 60, 12), (12, 64, 12), (24, 67, 12), (36, 72, 12));
        Assert.Equal(1.0, MusicEvaluator.NoteF1(reference, ClipOf((0, 60, 6), (12, 64, 24), (24, 67, 12), (36, 72, 1))));
        // Two of four right, one extra wrong note: precision 2/3, recall 2/4 -> F1 = 4/7.
        Assert.Equal(4.0 / 7, MusicEvaluator.NoteF1(reference, ClipOf((0, 60, 12), (12, 64, 12), (24, 65, 12))), 12);
        Assert.Equal(0.0, MusicEvaluator.NoteF1(reference, null));
        Assert.Equal(1.0, MusicEvaluator.NoteF1(ClipOf(), ClipOf()));
    }

    [Fact]
    public void NoteF1WithOffsets_AlsoNeedsTheEndWithinAFifthOfTheDurationOrOneStep()
    {
        var reference = ClipOf((0, 60, 12), (12, 64, 24), (36, 67, 2));
        // Ends off by 2 of 12 (within 2.4), by 5 of 24 (within 4.8 fails), by 1 of 2 (one step allowed).
        Assert.Equal(2.0 * 2 / 6, MusicEvaluator.NoteF1WithOffsets(reference, ClipOf((0, 60, 14), (12, 64, 29), (36, 67, 3))), 12);
        Assert.Equal(1.0, MusicEvaluator.NoteF1WithOffsets(reference, reference));
        Assert.Equal(1.0, MusicEvaluator.NoteF1(reference, ClipOf((0, 60, 14), (12, 64, 29), (36, 67, 3))));
    }

    [Fact]
    public void NoteF1_MatchesRepeatedNotesAtMostOnce()
    {
        var reference = ClipOf((0, 60, 12));
        Assert.Equal(2.0 / 3, MusicEvaluator.NoteF1(reference, ClipOf((0, 60, 12), (0, 60, 6))), 12);
    }

    [Fact]
    public void IsPolyphonic_WhenNotesOverlapInTime()
    {
        Assert.False(MusicEvaluator.IsPolyphonic(ClipOf((0, 60, 12), (12, 62, 12))));
        Assert.True(MusicEvaluator.IsPolyphonic(ClipOf((0, 60, 12), (6, 62, 12))));
        Assert.True(MusicEvaluator.IsPolyphonic(ClipOf((0, 60, 12), (0, 64, 12))));
    }

    [Fact]
    public void EvaluateReconstructions_ReportsF1_PolyphonicSubset_AndStyleAccuracy()
    {
        var mono = ClipText.ToText(ClipOf((0, 60, 12), (12, 62, 12)));
        var chord = ClipText.ToText(ClipOf((0, 60, 24), (0, 64, 24), (0, 67, 24)));
        var wrongChord = ClipText.ToText(ClipOf((0, 60, 24), (0, 63, 24), (0, 67, 24)));
        var metrics = new ValidationMetrics(0, 0, 0, 0, 0, 0, 0, new Dictionary<string, double>(), 0.875, 2);
        var result = new MusicEvaluator().EvaluateReconstructions([mono, chord], [mono, wrongChord], metrics);
        Assert.Equal((1 + 2.0 / 3) / 2, result["note_f1"], 12);
        Assert.Equal(2.0 / 3, result["note_f1_polyphonic"], 12);
        Assert.Equal(1, result["polyphonic_clips"]);
        Assert.Equal(0.875, result["style_accuracy"]);
    }

    [Fact]
    public void Evaluate_CountsSamplesWithNotes()
    {
        var clip = ClipText.ToText(ClipOf((0, 60, 12)));
        var result = new MusicEvaluator().Evaluate([clip, null, clip, ClipText.ToText(ClipOf())], []);
        Assert.Equal(0.5, result["samples_with_notes"]);
    }
}
