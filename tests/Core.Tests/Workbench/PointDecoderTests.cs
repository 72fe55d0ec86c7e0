using LatentWorkbench.Core.Latent.Decoding;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Core.Tests.Workbench;

[Collection(ToyModelCollection.Name)]
public sealed class PointDecoderTests(ToyModelFixture toy)
{
    private static readonly DecodeOptions AnchorOptions = new() { Strategy = DecodeStrategy.Consistent, BeamWidth = PointDecoder.AnchorBeamWidth };

    private float[][] Noisy(int count, int seed)
    {
        var random = new Random(seed);
        return toy.Model.Encode(toy.HeldOut.Take(count).ToArray())
            .Select(c => c.Mean.Select(v => v + (float)(random.NextDouble() - 0.5)).ToArray()).ToArray();
    }

    [Fact]
    public void LatentModelDecode_Consistent_IsRefused_SoOnlyThePointDecoderCarriesItOut()
    {
        var z = Noisy(2, 1);
        var error = Assert.Throws<ArgumentException>(() => toy.Model.Model.Decode(z, DecodeOptions.ConsistentDefault, null));
        Assert.Contains("PointDecoder", error.Message);
        Assert.Equal(2, toy.Model.Points.Decode(z, DecodeOptions.ConsistentDefault).Length);
    }

    [Fact]
    public void Decode_WithReferences_ComparesEachValidPointWithThemByRoleName()
    {
        var (a, b) = (toy.HeldOut[0], toy.HeldOut[1]);
        ItemReference[] references = [new(ReferenceRole.From, a), new(ReferenceRole.To, b)];
        var points = toy.Model.Points.Decode(Noisy(6, 2), references: references, positions: [0, 0.2, 0.4, 0.6, 0.8, 1]);
        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8, 1], points.Select(p => p.T));
        Assert.Contains(points, p => p.Valid);
        foreach (var point in points.Where(p => p.Valid))
        {
            Assert.Equal(["from", "to"], point.Similarities.Keys);
            Assert.Equal(toy.Domain.Similarity.Compute(point.Text, a), point.Similarities["from"]);
            Assert.NotNull(point.DistanceFromStart);
        }
    }

    [Fact]
    public void Describe_MeasuresDistanceFromTheOriginOnly_AndAnInvalidItemHasNoSimilarities()
    {
        var item = toy.HeldOut[3];
        var z = toy.Model.Encode([item])[0].Mean;
        var start = toy.Model.Points.Describe(item, z, 0, [new ItemReference(ReferenceRole.Start, item)]);
        Assert.Equal(0, start.DistanceFromStart);
        Assert.Equal(1.0, start.Similarities["start"], 9);
        var onlyTo = toy.Model.Points.Describe(item, z, 0, [new ItemReference(ReferenceRole.To, item)]);
        Assert.Null(onlyTo.DistanceFromStart);
        var invalid = toy.Model.Points.Describe("ABZ", z, 0, [new ItemReference(ReferenceRole.Start, item)]);
        Assert.False(invalid.Valid);
        Assert.Empty(invalid.Similarities);
        Assert.NotNull(invalid.Error);
    }

    [Fact]
    public void Anchor_GivesEachChosenPointItsItem_WhenBeamSearchFindsIt_ElseTheNearestConsistentDecode_AndLeavesTheOthers()
    {
        var items = toy.HeldOut.Take(8).ToArray();
        string[] Found(DecodedSequence[] hypotheses) => hypotheses.Where(h => h.Finished).Select(h => toy.Model.Codec.ToText(h.TokenIds)).ToArray();
        // Noise that leaves some item out of its greedy decode but among its beam hypotheses (which noise does depends
        // on the toy model trained for this run), so that every case below is met.
        var (z, greedy, hypotheses) = Enumerable.Range(4, 24).Select(seed =>
        {
            var noisy = Noisy(16, seed);
            return (Z: noisy, Greedy: toy.Model.Points.Decode(noisy, null, [new ItemReference(ReferenceRole.Start, items[0])]),
                Hypotheses: toy.Model.Points.Hypotheses(noisy[..8], PointDecoder.AnchorBeamWidth));
        }).First(c => Enumerable.Range(0, 8).Any(i => c.Greedy[i].Text != items[i] && Found(c.Hypotheses[i]).Contains(items[i])));
        var anchored = greedy.ToArray();
        toy.Model.Points.Anchor(anchored, null, [new ItemReference(ReferenceRole.Start, items[0])],
            Enumerable.Range(0, 8).Select(i => (i, new ItemReference(ReferenceRole.Start, items[i]))).ToArray());
        for (int i = 0; i < 8; i++)
        {
            var found = Found(hypotheses[i]);
            if (greedy[i].Text == items[i] || found.Contains(items[i]))
            {
                Assert.Equal(items[i], anchored[i].Text);
                Assert.Null(anchored[i].StandsIn);
                continue;
            }
            // Not found: the decode among the greedy one and the hypotheses whose own encoding lies nearest z.
            Assert.Contains(anchored[i].Text, found.Append(greedy[i].Text));
            if (anchored[i].Valid && greedy[i].Valid) Assert.True(Distance(anchored[i].Text, z[i]) <= Distance(greedy[i].Text, z[i]) + 1e-6);
            Assert.Equal(items[i], anchored[i].StandsIn!.Given);
        }
        Assert.Contains(anchored[..8], p => p.StandsIn is null && p.Text != greedy[Array.IndexOf(anchored, p)].Text);
        Assert.Equal(greedy[8..], anchored[8..]);
    }

    private double Distance(string text, float[] z) =>
        Math.Sqrt(toy.Model.Encode([text])[0].Mean.Zip(z).Sum(p => (double)(p.First - p.Second) * (p.First - p.Second)));

    [Fact]
    public void Anchor_AfterConsistentDecoding_KeepsEveryItem_AndMarksTheEndsThatAreNotTheGivenItem()
    {
        var z = Noisy(6, 5);
        var points = toy.Model.Points.Decode(z, DecodeOptions.ConsistentDefault);
        var copy = points.ToArray();
        var given = new ItemReference(ReferenceRole.From, points[0].Valid ? points[0].Text : "ABC");
        var other = new ItemReference(ReferenceRole.To, "HEHEHEHEH");
        toy.Model.Points.Anchor(copy, DecodeOptions.ConsistentDefault, [given, other], (0, given), (5, other));
        Assert.Equal(points.Select(p => p.Text), copy.Select(p => p.Text));
        Assert.Equal(points[1..5], copy[1..5]);
        Assert.Equal(points[0].Valid && points[0].Text == given.Text, copy[0].StandsIn is null);
        Assert.NotEqual(other.Text, copy[5].Text);
        Assert.Equal(other.Text, copy[5].StandsIn!.Given);
        Assert.Contains("the path ends at its nearest decodable neighbour", copy[5].StandsIn!.Note);
    }

    [Fact]
    public void Mark_OtherItem_SaysWhichItemWasGiven_WithItsSimilarity()
    {
        var point = toy.Model.Points.Describe("ABCA", Noisy(1, 6)[0], 0, null);
        Assert.Null(toy.Model.Points.Mark(point, new ItemReference(ReferenceRole.From, "ABCA")).StandsIn);
        var marked = toy.Model.Points.Mark(point, new ItemReference(ReferenceRole.Start, "ABCD"));
        Assert.Equal("ABCD", marked.StandsIn!.Given);
        Assert.Equal(toy.Domain.Similarity.Compute("ABCA", "ABCD"), marked.StandsIn.Similarity, 9);
        Assert.Equal("the model cannot represent this item; the walk starts from its nearest decodable neighbour", marked.StandsIn.Note);
        Assert.Equal(point with { StandsIn = null }, marked with { StandsIn = null });
    }
}
