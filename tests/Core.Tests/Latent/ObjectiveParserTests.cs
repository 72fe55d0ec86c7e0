using LatentWorkbench.Core.Latent;

namespace LatentWorkbench.Core.Tests.Latent;

public sealed class ObjectiveParserTests
{
    [Fact]
    public void Parse_WeightedSum_ReadsEveryTerm()
    {
        var terms = ObjectiveParser.Parse("qed:max,logp:2.5@0.5, tpsa:min");
        Assert.Equal(new ObjectiveTerm("qed", ObjectiveKind.Maximize), terms[0]);
        Assert.Equal(new ObjectiveTerm("logp", ObjectiveKind.Target, 2.5, 0.5), terms[1]);
        Assert.Equal(new ObjectiveTerm("tpsa", ObjectiveKind.Minimize), terms[2]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("qed")]
    [InlineData("qed:up")]
    [InlineData("qed:max@-1")]
    public void Parse_BadText_ThrowsFormatException(string text) => Assert.Throws<FormatException>(() => ObjectiveParser.Parse(text));

    [Fact]
    public void Score_Target_PrefersCloserValues() =>
        Assert.True(new ObjectiveTerm("x", ObjectiveKind.Target, 2).Score(2.1) > new ObjectiveTerm("x", ObjectiveKind.Target, 2).Score(3));
}
