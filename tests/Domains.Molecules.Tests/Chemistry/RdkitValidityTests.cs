using LatentWorkbench.Domains.Molecules.Chemistry;

namespace LatentWorkbench.Domains.Molecules.Tests.Chemistry;

/// <summary>
/// Validity as RDKit decides it, on the project's own SMILES (Fixtures/rdkit_validity.csv: strings written for this
/// test, RDKit's verdict computed once by reference.py and committed): the issue's three examples, aromatic atoms
/// outside rings, systems that cannot be kekulized, impossible valences, RDKit's grammar, and strings RDKit accepts.
/// Runs without the shared data.
/// </summary>
public class RdkitValidityTests
{
    private static readonly List<Dictionary<string, string>> Rows = ReferenceTable.Read(TestPaths.Fixture("rdkit_validity.csv"));

    public static TheoryData<string> Smiles()
    {
        var data = new TheoryData<string>();
        foreach (var row in Rows) data.Add(row["smiles"]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Smiles))]
    public void Validity_MatchesRdkit_WithRdkitsMessageAndThePosition(string smiles)
    {
        var row = Rows.First(r => r["smiles"] == smiles);
        var result = Molecule.TryParse(smiles);
        Assert.Equal(row["valid"], MoleculeDescriber.DescribeOne(smiles).Split(',')[1]);
        if (row["valid"] == "1")
        {
            Assert.True(result.IsValid, result.Error);
            return;
        }
        Assert.False(result.IsValid);
        Assert.Contains(row["error"], result.Error, StringComparison.Ordinal);
        Assert.Equal(int.Parse(row["position"], System.Globalization.CultureInfo.InvariantCulture), result.Position);
    }

    [Fact]
    public void Fixtures_CoverEveryKindOfRejection_WhenLoaded()
    {
        string[] kinds = ["Explicit valence for atom #", "marked aromatic", "Can't kekulize mol.", "ring bond digit at the start of a branch"];
        foreach (var kind in kinds) Assert.Contains(Rows, r => r["valid"] == "0" && r["error"].StartsWith(kind, StringComparison.Ordinal));
        Assert.Contains(Rows, r => r["smiles"] == "FCn1(F)OC(F)(F)C(F)(F)C(F)(F)C(F)(F)C1(F)F" && r["valid"] == "0");
        Assert.True(Rows.Count(r => r["valid"] == "1") >= 15, "too few strings RDKit accepts");
    }
}
