using LatentWorkbench.Core.Domains;
using LatentWorkbench.Domains.Music.Clips;

namespace LatentWorkbench.Domains.Music.Tests.Clips;

public class ClipConstraintTests
{
    private static readonly string[] Vocabulary = ["<pad>", "<bos>", "<eos>", "<unk>", .. ClipVocabulary.AllTokens.Reverse()];
    private static readonly SpecialTokenIds Specials = new(0, 1, 2, 3);

    [Theory]
    [InlineData(3)]
    [InlineData(12)]
    [InlineData(60)]
    [InlineData(400)]
    public void RandomDecoding_AlwaysGivesParsableClipAndMidi_WithinBudget(int maxLength)
    {
        var constraint = new ClipConstraintFactory().Create(Vocabulary, Specials);
        var rng = new Random(maxLength);
        var allowed = new bool[Vocabulary.Length];
        for (int sequence = 0; sequence < 100; sequence++)
        {
            var state = constraint.Start();
            var tokens = new List<string>();
            for (int t = 0; t < maxLength; t++)
            {
                state.FillAllowed(allowed, maxLength - t);
                Assert.False(allowed[0] || allowed[1] || allowed[3]);
                var ids = Enumerable.Range(0, allowed.Length).Where(i => allowed[i]).ToList();
                Assert.NotEmpty(ids);
                // Prefer continuing so sequences grow long; end when only EOS is left or by a small chance.
                var continuations = ids.Where(i => i != 2).ToList();
                int id = continuations.Count == 0 || (ids.Contains(2) && rng.NextDouble() < 0.02)
                    ? 2
                    : continuations[rng.Next(continuations.Count)];
                if (id == 2)
                {
                    break;
                }
                if (rng.Next(4) == 0)
                {
                    state = state.Clone();
                }
                state.Push(id);
                tokens.Add(Vocabulary[id]);
            }
            string text = string.Join(' ', tokens);
            var parsed = ClipText.Parse(text);
            Assert.True(parsed.Ok, $"{parsed.Error} in '{text}'");
            Assert.True(tokens.Count < maxLength);
            var back = ClipMidi.FromMidiBytes(ClipMidi.TextToMidiBytes(text), parsed.Clip!.Bars);
            Assert.Equal(parsed.Clip.Notes.Count, back.Notes.Count);
        }
    }

    [Fact]
    public void FillAllowed_AllowsOnlyMeterFirst_AndEndAfterABar()
    {
        var state = new ClipConstraintFactory().Create(Vocabulary, Specials).Start();
        var allowed = new bool[Vocabulary.Length];
        state.FillAllowed(allowed, 100);
        Assert.Equal(["M2", "M3", "M4"], Enumerable.Range(0, allowed.Length).Where(i => allowed[i]).Select(i => Vocabulary[i]).Order());
        state.Push(Array.IndexOf(Vocabulary, "M4"));
        state.Push(Array.IndexOf(Vocabulary, "BAR"));
        state.FillAllowed(allowed, 1);
        Assert.Equal([2], Enumerable.Range(0, allowed.Length).Where(i => allowed[i]));
    }
}
