using LatentWorkbench.Core.Latent;

namespace LatentWorkbench.Core.Tests.Latent;

public sealed class InterpolationTests
{
    [Theory]
    [InlineData(InterpolationMethod.Slerp)]
    [InlineData(InterpolationMethod.Lerp)]
    public void Path_IncludesBothEnds(InterpolationMethod method)
    {
        float[] a = [1, 0, 0], b = [0, 2, 0];
        var path = Interpolation.Path(a, b, 5, method);
        Assert.Equal(5, path.Length);
        Assert.Equal(a, path[0]);
        Assert.Equal(b, path[^1]);
    }

    [Fact]
    public void Slerp_Midpoint_KeepsNormBetweenEnds()
    {
        var mid = Interpolation.At([1, 0], [0, 1], 0.5, InterpolationMethod.Slerp);
        Assert.Equal(1.0, Math.Sqrt(mid[0] * mid[0] + mid[1] * mid[1]), 4);
        var lerp = Interpolation.At([1, 0], [0, 1], 0.5, InterpolationMethod.Lerp);
        Assert.Equal(Math.Sqrt(0.5), Math.Sqrt(lerp[0] * lerp[0] + lerp[1] * lerp[1]), 4);
    }

    [Fact]
    public void Path_TooFewSteps_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Interpolation.Path([0f], [1f], 1, InterpolationMethod.Lerp));

    [Theory]
    [InlineData(null, InterpolationMethod.Slerp)]
    [InlineData("", InterpolationMethod.Slerp)]
    [InlineData("slerp", InterpolationMethod.Slerp)]
    [InlineData(" LERP ", InterpolationMethod.Lerp)]
    public void Named_KnownNames_GiveTheirMethod(string? name, InterpolationMethod expected) =>
        Assert.Equal(expected, Interpolation.Named(name));

    [Fact]
    public void Named_UnknownName_ListsTheValidNames()
    {
        var error = Assert.Throws<ArgumentException>(() => Interpolation.Named("cubic"));
        Assert.Contains("slerp, lerp", error.Message);
        Assert.Contains("'cubic'", error.Message);
    }
}
