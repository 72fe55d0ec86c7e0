using LatentWorkbench.Domains.Molecules.Chemistry;

namespace LatentWorkbench.Domains.Molecules.Tests.Chemistry;

public class SmartsPatternTests
{
    [Theory]
    [InlineData("c1ccccc1", "c1ccccc1O", true)]
    [InlineData("[OX2H]", "CCO", true)]
    [InlineData("[OX2H]", "CC=O", false)]
    [InlineData("C(=O)[OH]", "CC(=O)O", true)]
    [InlineData("[#7;R]", "C1CCNCC1", true)]
    [InlineData("[#7;R]", "CCN", false)]
    [InlineData("[$(C=O)]N", "CC(=O)N", true)]
    [InlineData("[N+](=O)[O-]", "CN(=O)=O", true)]
    [InlineData("[Cl,Br,I]", "CCF", false)]
    [InlineData("*@*", "CC", false)]
    [InlineData("[r5]", "C1CCCC1", true)]
    [InlineData("F.F", "FCCF", true)]
    public void IsMatch_FollowsSmartsSemantics(string smarts, string smiles, bool expected)
    {
        Assert.Equal(expected, SmartsPattern.Parse(smarts).IsMatch(Molecule.Parse(smiles)));
    }

    [Fact]
    public void CountMatches_CountsUniqueAtomSets()
    {
        var m = Molecule.Parse("OCC(O)CO");
        Assert.Equal(3, SmartsPattern.Parse("[OH]").CountMatches(m));
        Assert.Equal(4, SmartsPattern.Parse("CC").CountMatches(Molecule.Parse("CCCCC")));
    }

    [Theory]
    [InlineData("[C")]
    [InlineData("C(")]
    [InlineData("[$(C]")]
    [InlineData("")]
    public void Parse_ThrowsWithPosition_WhenSmartsMalformed(string smarts)
    {
        var e = Assert.Throws<SmilesException>(() => SmartsPattern.Parse(smarts));
        Assert.StartsWith("SMARTS", e.Message);
    }
}
