using LatentWorkbench.Core.Latent.Decoding;
using LatentWorkbench.Core.Training;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Core.Tests.Workbench;

public class TokenDistanceTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "abc", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("flaw", "lawn", 2)]
    public void Levenshtein_CountsWholeTokenEdits(string a, string b, int expected)
    {
        Assert.Equal(expected, TokenDistance.Levenshtein(a.ToCharArray(), b.ToCharArray()));
        Assert.Equal(expected, TokenDistance.Levenshtein(b.ToCharArray(), a.ToCharArray()));
    }

    [Fact]
    public void Normalized_IsZeroForEqual_OneForDisjoint_AndDividesByTheLongerLength()
    {
        Assert.Equal(0, TokenDistance.Normalized<string>([], []));
        Assert.Equal(0, TokenDistance.Normalized(["C", "C", "O"], ["C", "C", "O"]));
        Assert.Equal(1, TokenDistance.Normalized(["C", "C"], ["N", "O", "S"]));
        Assert.Equal(0.25, TokenDistance.Normalized(["C", "C", "O", "N"], ["C", "C", "O"]));
    }

    [Fact]
    public void MatchingSteps_ComparesPositionByPosition_AndCountsTheEndToken()
    {
        int[] target = [5, 6, 7];
        Assert.Equal(4, Evaluator.MatchingSteps(new DecodedSequence([5, 6, 7], true, 0), target));
        Assert.Equal(3, Evaluator.MatchingSteps(new DecodedSequence([5, 6, 7], false, 0), target)); // never ended
        Assert.Equal(2, Evaluator.MatchingSteps(new DecodedSequence([5, 9, 7, 8], true, 0), target)); // one wrong, ends late
        Assert.Equal(0, Evaluator.MatchingSteps(new DecodedSequence([6, 7], true, 0), target)); // shifted: nothing lines up
    }
}

public class SpreadTests
{
    [Fact]
    public void Spread_TakesEveryNthItem_SoEveryPartOfTheDataIsCovered()
    {
        var items = Enumerable.Range(0, 100).ToArray();
        Assert.Equal([0, 25, 50, 75], VaeTrainer.Spread(items, 4));
        Assert.Equal(items, VaeTrainer.Spread(items, 500));
        Assert.Empty(VaeTrainer.Spread(items, 0));
    }
}

public class DecorrelateTests
{
    [Fact]
    public void Decorrelate_MakesEachVectorOrthogonalToTheOthers_KeepingItsLength()
    {
        var vectors = new Dictionary<string, float[]> { ["a"] = [3, 1, 0], ["b"] = [1, 1, 0], ["c"] = [0, 0, 2] };
        var result = AttributeVectors.Decorrelate(vectors);
        static double Dot(float[] x, float[] y) => x.Zip(y).Sum(p => (double)p.First * p.Second);
        foreach (var (key, v) in result)
        {
            Assert.Equal(Math.Sqrt(Dot(vectors[key], vectors[key])), Math.Sqrt(Dot(v, v)), 4);
            foreach (var other in vectors.Keys.Where(k => k != key)) Assert.Equal(0, Dot(v, vectors[other]), 4);
        }
        Assert.Equal([0f, 0f, 2f], result["c"]); // already orthogonal: unchanged
    }
}
