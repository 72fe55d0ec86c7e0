namespace LatentWorkbench.Domains.Molecules.Tests.Chemistry;

/// <summary>Agreement with RDKit's values on the project's own fixture SMILES (computed once by the oracle and committed).</summary>
public class ReferenceAgreementTests
{
    private static readonly Lazy<Agreement> FixtureAgreement =
        new(() => Agreement.Compare(ReferenceTable.Read(TestPaths.Fixture("rdkit_reference.csv"))));

    [Theory]
    [InlineData("valid")]
    [InlineData("mw")]
    [InlineData("exact_mw")]
    [InlineData("logp")]
    [InlineData("mr")]
    [InlineData("tpsa")]
    [InlineData("fsp3")]
    [InlineData("qed")]
    [InlineData("hbd")]
    [InlineData("hba")]
    [InlineData("rotb")]
    [InlineData("rings")]
    [InlineData("arom_rings")]
    [InlineData("heavy")]
    [InlineData("ecfp4_bits")]
    public void Property_AgreesWithRdkit_OnFixtures(string property)
    {
        var agreement = FixtureAgreement.Value;
        Assert.True(agreement.Percent[property] >= Agreement.Required[property],
            $"{property}: {agreement.Percent[property]:0.00}% < {Agreement.Required[property]}%\n{agreement.Summary()}");
    }

    [Fact]
    public void Fixtures_CoverValidAndInvalidStrings_WhenLoaded()
    {
        var rows = ReferenceTable.Read(TestPaths.Fixture("rdkit_reference.csv"));
        Assert.True(rows.Count >= 300, $"only {rows.Count} fixture rows");
        Assert.Contains(rows, r => r["valid"] == "0");
        Assert.Contains(rows, r => r["valid"] == "1");
    }
}
