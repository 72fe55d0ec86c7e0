using LatentWorkbench.Domains.Molecules.Chemistry;

namespace LatentWorkbench.Domains.Molecules.Tests.Chemistry;

public class RotatableBondsTests
{
    [Fact]
    public void Count_EqualsRdkitStrictSmarts_OnAllValidFixtures()
    {
        var smiles = ReferenceTable.Read(TestPaths.Fixture("rdkit_reference.csv")).Where(r => r["valid"] == "1").Select(r => r["smiles"]);
        foreach (var s in smiles.Concat(["CC(=O)NC", "CC(=[NH2+])NC", "CC(C)(C)CC", "FC(F)(F)CC", "C#CCC", "CCOC(=O)CC"]))
        {
            var m = Molecule.Parse(s);
            var matcher = new SmartsMatcher(m);
            Assert.True(Lipinski.RotatableBondsBySmarts(matcher) == RotatableBonds.Count(m), s);
        }
    }

    [Theory]
    [InlineData("CCCC", 1)]
    [InlineData("CC(=O)NC", 0)]
    [InlineData("c1ccccc1-c1ccccc1", 1)]
    [InlineData("CC(C)(C)C", 0)]
    public void Count_MatchesRdkit_ForKnownCases(string smiles, int expected)
    {
        Assert.Equal(expected, Descriptors.RotatableBonds(Molecule.Parse(smiles)));
    }
}
