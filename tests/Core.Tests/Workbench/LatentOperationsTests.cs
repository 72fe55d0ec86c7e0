using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Core.Tests.Workbench;

/// <summary>The operations that compose the point decoder: sampling, attribute moves, interpolation.</summary>
[Collection(ToyModelCollection.Name)]
public sealed class LatentOperationsTests(ToyModelFixture toy)
{
    [Fact]
    public void Around_IsReproducible_ComparesWithTheItem_AndSpreadsWithTheRadius()
    {
        var sampling = new LatentSampling(toy.Model);
        var item = toy.HeldOut[5];
        var near = sampling.Around(item, 12, radius: 0.1, seed: 3);
        Assert.Equal(near.Select(p => p.Text), sampling.Around(item, 12, radius: 0.1, seed: 3).Select(p => p.Text));
        Assert.Contains(near, p => p.Valid);
        Assert.All(near.Where(p => p.Valid), p => Assert.Equal(["start"], p.Similarities.Keys));
        var far = sampling.Around(item, 12, radius: 3, seed: 3);
        static double Spread(IEnumerable<LatentPoint> points) => points.Where(p => p.Valid).Select(p => p.DistanceFromStart!.Value).DefaultIfEmpty(1).Average();
        Assert.True(Spread(near) < Spread(far), $"near {Spread(near):0.00}, far {Spread(far):0.00}");
        Assert.Single(sampling.Around(item, 4, radius: 0).Select(p => p.Text).Distinct());
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(100_001, 0.5)]
    [InlineData(5, -0.1)]
    [InlineData(5, double.NaN)]
    public void Around_OutOfRangeRequest_SaysWhatWasWrong(int count, double radius)
    {
        var error = Assert.Throws<ItemInputException>(() => new LatentSampling(toy.Model).Around(toy.HeldOut[0], count, radius));
        Assert.Contains(count is < 1 or > LatentSampling.MaxCount ? "Count" : "Radius", error.Message);
    }

    [Fact]
    public void Prior_SameSeed_SameItems_AndNoReferences()
    {
        var sampling = new LatentSampling(toy.Model);
        var first = sampling.Prior(10, seed: 9);
        Assert.Equal(first.Select(p => p.Text), sampling.Prior(10, seed: 9).Select(p => p.Text));
        Assert.All(first, p => Assert.Empty(p.Similarities));
        Assert.All(first, p => Assert.Null(p.DistanceFromStart));
    }

    [Fact]
    public void AttributeMove_UnknownAttribute_NamesTheModelsVectors()
    {
        var error = Assert.Throws<ItemInputException>(() => new AttributeMove(toy.Model).Run(toy.HeldOut[0], "sparkle", 1));
        Assert.Contains("a_share", error.Message);
    }

    [Fact]
    public void PathInterpolation_ComparesWithBothEnds_AndMeasuresFromTheFirst()
    {
        var (a, b) = (toy.HeldOut[7], toy.HeldOut[8]);
        var path = new PathInterpolation(toy.Model).Run(a, b, 5);
        Assert.All(path.Where(p => p.Valid), p => Assert.Equal(["from", "to"], p.Similarities.Keys));
        Assert.Contains(path, p => p.Valid);
        Assert.Equal(path[0].Text == a, path[0].DistanceFromStart == 0);
        Assert.Throws<ItemInputException>(() => new PathInterpolation(toy.Model).Run(a, b, PathInterpolation.MaxSteps + 1));
    }
}
