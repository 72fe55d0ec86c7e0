using LatentWorkbench.Domains.Molecules.Chemistry;

namespace LatentWorkbench.Domains.Molecules.Tests.Chemistry;

public class MurckoScaffoldTests
{
    // Expected scaffolds are RDKit 2022.09's MurckoScaffold.GetScaffoldForMol results.
    [Theory]
    [InlineData("Cc1ccccc1", "c1ccccc1")]
    [InlineData("O=C1CCCCC1CCN", "O=C1CCCCC1")]
    [InlineData("c1ccccc1CCc1cccn1C", "c1ccc(CCc2ccc[nH]2)cc1")]
    [InlineData("C[N+]1(C)CCCC1", "C1CC[NH2+]C1")]
    [InlineData("CC(=O)c1ccccc1", "c1ccccc1")]
    [InlineData("O=S(=O)(c1ccccc1)C1CC1", "O=S(=O)(c1ccccc1)C1CC1")]
    public void Of_KeepsRingsLinkersAndExocyclicDoubleBonds(string smiles, string expected)
    {
        Assert.Equal(CanonicalSmiles.FromSmiles(expected), MurckoScaffold.Of(Molecule.Parse(smiles)));
    }

    [Fact]
    public void Of_IsEmpty_WhenMoleculeHasNoRing()
    {
        Assert.Equal(string.Empty, MurckoScaffold.Of(Molecule.Parse("CCO")));
    }
}
