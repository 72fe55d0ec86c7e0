using LatentWorkbench.Domains.Molecules.Chemistry;

namespace LatentWorkbench.Domains.Molecules.Tests.Chemistry;

public class SmilesParserTests
{
    [Fact]
    public void TryParse_NamesRingDigitAndPosition_WhenRingBondUnclosed()
    {
        var result = Molecule.TryParse("CCCCCCCCCCCC1CC");
        Assert.False(result.IsValid);
        Assert.Equal("unclosed ring bond 1 opened at position 12", result.Error);
        Assert.Equal(12, result.Position);
    }

    [Theory]
    [InlineData("C(C", "unclosed branch", 1)]
    [InlineData("CC)C", "unmatched ')'", 2)]
    [InlineData("C[C", "unclosed '['", 1)]
    [InlineData("CQ", "unexpected character 'Q'", 1)]
    [InlineData("C==C", "two bond symbols in a row", 2)]
    [InlineData("C%1C", "'%' must be followed by two digits", 1)]
    public void TryParse_ReportsProblemAndPosition_WhenSyntaxIsBad(string smiles, string fragment, int position)
    {
        var result = Molecule.TryParse(smiles);
        Assert.False(result.IsValid);
        Assert.Contains(fragment, result.Error);
        Assert.Equal(position, result.Position);
    }

    [Theory]
    [InlineData("[CH5]")]
    [InlineData("C(C)(C)(C)(C)C")]
    [InlineData("FC(F)(F)(F)F")]
    public void TryParse_RejectsAtom_WhenValenceExceeded(string smiles)
    {
        var result = Molecule.TryParse(smiles);
        Assert.False(result.IsValid);
        Assert.Contains("valence", result.Error);
    }

    [Theory]
    [InlineData("c1cccc1")]
    [InlineData("n1cccc1")]
    public void TryParse_RejectsAromaticRing_WhenItCannotBeKekulized(string smiles)
    {
        var result = Molecule.TryParse(smiles);
        Assert.False(result.IsValid);
        Assert.Contains("kekulize", result.Error);
    }

    [Theory]
    [InlineData("C%10CCCCC%10", 6, 1)]
    [InlineData("[13CH3][C@@H](O)C(=O)[O-]", 6, 0)]
    [InlineData("CN(=O)=O", 4, 0)]
    [InlineData("[Na+].[Cl-]", 2, 0)]
    [InlineData("c1cc[nH]c1", 5, 1)]
    [InlineData("C1:C:C:C:C:C:1", 6, 1)]
    [InlineData("F/C=C\\F", 4, 0)]
    [InlineData("[CH3:7]O", 2, 0)]
    public void Parse_BuildsExpectedGraph_WhenSmilesValid(string smiles, int heavyAtoms, int rings)
    {
        var m = Molecule.Parse(smiles);
        Assert.Equal(heavyAtoms, m.HeavyAtomCount);
        Assert.Equal(rings, Descriptors.RingCount(m));
    }

    [Theory]
    [InlineData("C:SC", true)]
    [InlineData("C1CC:CC1", true)]
    [InlineData("c1cc:cc1", false)]
    [InlineData("CC(C.)C", false)]
    [InlineData("C.", false)]
    public void TryParse_FollowsRdkit_ForExplicitAromaticBondsAndDots(string smiles, bool valid)
    {
        Assert.Equal(valid, Molecule.TryParse(smiles).IsValid);
    }

    [Fact]
    public void Parse_ChargeSeparatesNitro_WhenWrittenPentavalent()
    {
        Assert.Equal(CanonicalSmiles.FromSmiles("C[N+](=O)[O-]"), CanonicalSmiles.FromSmiles("CN(=O)=O"));
    }

    [Fact]
    public void Parse_Throws_WhenSmilesInvalid()
    {
        var e = Assert.Throws<SmilesException>(() => Molecule.Parse("C1CC"));
        Assert.Equal(1, e.Position);
    }
}
