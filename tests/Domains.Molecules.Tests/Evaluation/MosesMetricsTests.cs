using LatentWorkbench.Domains.Molecules.Evaluation;

namespace LatentWorkbench.Domains.Molecules.Tests.Evaluation;

public sealed class MosesMetricsTests
{
    [Theory]
    [InlineData("c", "atom")]
    [InlineData("Cl", "atom")]
    [InlineData("[NH3+]", "atom")]
    [InlineData("=", "bond")]
    [InlineData("(", "branch")]
    [InlineData(")", "branch")]
    [InlineData("1", "ring")]
    [InlineData("%12", "ring")]
    [InlineData("<bos>", null)]
    public void TokenKind_GroupsSmilesTokens(string token, string? kind) =>
        Assert.Equal(kind, new MosesMetrics().TokenKind(token));

    [Fact]
    public void UniqueAt_CountsDistinctAmongTheFirstK()
    {
        string[] valid = ["CCO", "CCO", "CCN", "CCC"];
        Assert.Equal(0.5, MosesMetrics.UniqueAt(valid, 2));
        Assert.Equal(0.75, MosesMetrics.UniqueAt(valid, 4));
    }

    [Fact]
    public void Evaluate_IdenticalSets_HaveNoDiversityAndFullSimilarity()
    {
        string?[] samples = ["c1ccccc1CCN", "c1ccccc1CCN", null];
        var metrics = new MosesMetrics().Evaluate(samples, ["c1ccccc1CCN"]);
        Assert.Equal(0, metrics["intdiv1"], 6);
        Assert.Equal(1, metrics["snn"], 6);
        Assert.Equal(1, metrics["scaf"], 6);
    }

    [Fact]
    public void Evaluate_DifferentMolecules_AreDiverseAndLessSimilar()
    {
        string?[] samples = ["CCO", "c1ccc2ccccc2c1", "CC(=O)Nc1ccc(O)cc1", "C1CCNCC1"];
        var metrics = new MosesMetrics().Evaluate(samples, ["CCCCCCCC", "c1ccncc1"]);
        Assert.InRange(metrics["intdiv1"], 0.5, 1);
        Assert.True(metrics["intdiv2"] <= metrics["intdiv1"] + 1e-9); // power-mean inequality
        Assert.InRange(metrics["snn"], 0, 0.6);
        Assert.InRange(metrics["scaf"], 0, 0.99);
    }
}
