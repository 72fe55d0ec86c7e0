using LatentWorkbench.Web.Services;

namespace LatentWorkbench.Web.Tests.Services;

public sealed class PcaTests
{
    [Fact]
    public void Fit_FindsTheDirectionOfLargestSpreadFirst()
    {
        // Points spread along (1, 1, 0) by +-10 and along (0, 0, 1) by +-1.
        var rows = new[] { -10f, -5f, 0f, 5f, 10f }.SelectMany(a => new[] { -1f, 1f }.Select(b => new[] { a, a, b })).ToList();
        var pca = Pca.Fit(rows);
        var (x1, y1) = pca.Project([10, 10, 1]);
        var (x2, y2) = pca.Project([-10, -10, 1]);
        Assert.Equal(2 * 10 * Math.Sqrt(2), Math.Abs(x1 - x2), 3);
        Assert.Equal(0, Math.Abs(y1 - y2), 3);
    }
}
