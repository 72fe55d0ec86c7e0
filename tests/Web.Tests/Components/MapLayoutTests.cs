using LatentWorkbench.Web.Components.Pages.Map;

namespace LatentWorkbench.Web.Tests.Components;

public sealed class MapLayoutTests
{
    [Fact]
    public void Items_FillThePlane_ScaledWithTheSquareRootOfTheirCount()
    {
        var random = new Random(3);
        foreach (var count in new[] { 4, 100, 400 })
        {
            var means = Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, 8).Select(_ => (float)random.NextDouble()).ToArray()).ToList();
            var layout = MapLayout.Fit(means, nodeWidth: 100);
            Assert.Equal(MapLayout.Spacing * Math.Sqrt(count) * 100, layout.Side, 6);
            var placed = means.Select(layout.Place).ToList();
            Assert.All(placed, p => Assert.InRange(p.X, -1e-6, layout.Side + 1e-6));
            Assert.All(placed, p => Assert.InRange(p.Y, -1e-6, layout.Side + 1e-6));
            // The larger of the two extents spans the whole side.
            var extent = Math.Max(placed.Max(p => p.X) - placed.Min(p => p.X), placed.Max(p => p.Y) - placed.Min(p => p.Y));
            Assert.Equal(layout.Side, extent, 6);
        }
    }

    [Fact]
    public void ACodeBetweenTwoItems_IsPlacedBetweenThem()
    {
        float[] a = [0, 0, 0], b = [4, 2, 0], c = [0, 1, 3];
        var layout = MapLayout.Fit([a, b, c], nodeWidth: 50);
        var (pa, pb) = (layout.Place(a), layout.Place(b));
        var middle = layout.Place([2, 1, 0]);
        Assert.Equal((pa.X + pb.X) / 2, middle.X, 6);
        Assert.Equal((pa.Y + pb.Y) / 2, middle.Y, 6);
    }

    [Fact]
    public void IdenticalItems_AllSitAtOnePoint_AndOneItemIsRefused()
    {
        var layout = MapLayout.Fit([[1, 1], [1, 1]], nodeWidth: 50);
        Assert.Equal(layout.Place([1, 1]), layout.Place([1, 1]));
        Assert.True(double.IsFinite(layout.Place([5, -3]).X));
        Assert.Throws<ArgumentException>(() => MapLayout.Fit([[0f, 1f]], nodeWidth: 50));
    }

    [Fact]
    public void Spread_PartsOverlappingNodes_AndLeavesTheOthersWhereTheyAre()
    {
        var random = new Random(4);
        // A crowd of 60 nodes around one point, three coincident, and one far away.
        var centres = Enumerable.Range(0, 60).Select(_ => (random.NextDouble() * 100, random.NextDouble() * 100))
            .Append((50.0, 50.0)).Append((50.0, 50.0)).Append((50.0, 50.0)).Append((5000.0, 5000.0)).ToList();
        var spread = MapLayout.Spread(centres, 120, 138);
        for (int i = 0; i < spread.Length; i++)
            for (int j = i + 1; j < spread.Length; j++)
                Assert.False(Math.Abs(spread[i].X - spread[j].X) < 120 - 1e-9 && Math.Abs(spread[i].Y - spread[j].Y) < 138 - 1e-9,
                    $"nodes {i} and {j} still overlap");
        Assert.Equal((5000.0, 5000.0), spread[^1]);
        // The crowd stays a crowd: it spreads no further than a square of its nodes needs.
        Assert.All(spread[..^1], p => Assert.InRange(Math.Max(Math.Abs(p.X - 50), Math.Abs(p.Y - 50)), 0, 12 * 138));
        Assert.Equal([(1.0, 1.0), (500.0, 1.0)], MapLayout.Spread([(1.0, 1.0), (500.0, 1.0)], 120, 138));
    }
}
