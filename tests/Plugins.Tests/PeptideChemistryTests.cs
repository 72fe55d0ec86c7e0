using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Plugins.Tests;

/// <summary>The peptides plugin's tokenizer, validator and properties, reached only through the contract.</summary>
[Collection(PluginFolderCollection.Name)]
public sealed class PeptideChemistryTests(PluginFolderFixture fixture)
{
    private IDomainModule Peptides => fixture.Peptides;

    private double Property(string sequence, string key) => Peptides.Properties.Compute(sequence)[key];

    // Published average masses of the free-acid peptides (ExPASy Compute pI/Mw gives the same to 0.1 Da).
    [Theory]
    [InlineData("RPPGFSPFR", 1060.2)]                        // bradykinin
    [InlineData("DRVYIHPF", 1046.2)]                         // angiotensin II
    [InlineData("DRVYIHPFHL", 1296.5)]                       // angiotensin I
    [InlineData("HSQGTFTSDYSKYLDSRRAQDFVQWLMNT", 3482.8)]    // glucagon
    public void MolecularWeight_MatchesKnownAverageMass(string sequence, double dalton) =>
        Assert.Equal(dalton, Property(sequence, "molecular_weight"), 0.1);

    // With one acidic and one basic group the pI is the mean of their pKa values (EMBOSS set).
    [Theory]
    [InlineData("G", 6.1)]              // (8.6 + 3.6) / 2
    [InlineData("K", 9.7)]              // (8.6 + 10.8) / 2; the C-terminus is fully charged there
    [InlineData("D", 3.75)]             // (3.6 + 3.9) / 2; the N-terminus is fully charged there
    public void IsoelectricPoint_OfSingleResidues_IsTheMeanOfTheFlankingPka(string sequence, double pI) =>
        Assert.Equal(pI, Property(sequence, "isoelectric_point"), 0.02);

    [Fact]
    public void NetCharge_AtPh7_CountsBasicAndAcidicGroups()
    {
        Assert.Equal(1.976, Property("RPPGFSPFR", "net_charge"), 0.01);   // two R, free termini
        Assert.True(Property("GIGKFLKKAKKFGKAFVKILKK", "net_charge") > 8);  // pexiganan: 9 K
        Assert.True(Property("DEDEDE", "net_charge") < -5);
        Assert.True(Property("KKKKK", "isoelectric_point") > 10);
    }

    [Fact]
    public void Gravy_IsTheMeanKyteDoolittleIndex()
    {
        Assert.Equal(1.8, Property("AAAA", "gravy"), 3);
        Assert.Equal(0.0, Property("IR", "gravy"), 3);
    }

    [Fact]
    public void ClassFractions_SumToOne()
    {
        var values = Peptides.Properties.Compute("LLGDFFRKSKEKIGKEFKRIVQRIKDFLRNLVPRTES");
        Assert.Equal(1.0, values.Where(kv => kv.Key.StartsWith("fraction_")).Sum(kv => kv.Value), 3);
        Assert.Equal(6, values.Count(kv => kv.Key.StartsWith("fraction_")));
    }

    [Fact]
    public void Validator_NamesTheOffendingLetterAndPosition()
    {
        var x = Peptides.Validator.Validate("GIGKXF");
        Assert.False(x.IsValid);
        Assert.Equal(4, x.Position);
        Assert.Contains("X (any residue)", x.Error);
        Assert.Contains("position 5", x.Error);
        Assert.Contains("selenocysteine", Peptides.Validator.Validate("GIGKUF").Error);
        Assert.Contains("'1' is not a letter", Peptides.Validator.Validate("GIG1").Error);
    }

    [Fact]
    public void Validator_ForgivesCaseAndSpaces() =>
        Assert.Equal("GIGKF", Peptides.Validator.Validate(" gig kF ").Canonical);

    [Fact]
    public void Tokenizer_GivesOneTokenPerResidue()
    {
        Assert.Equal(["Y", "G", "G", "F", "M"], Peptides.Tokenizer.Tokenize("YGGFM").Tokens);
        var bad = Peptides.Tokenizer.Tokenize("YGBFM");
        Assert.False(bad.Ok);
        Assert.Equal(2, bad.ErrorPosition);
    }

    [Fact]
    public void Similarity_IsOneMinusNormalisedEditDistance()
    {
        Assert.Equal(0.75, Peptides.Similarity.Compute("AAAA", "AAAT"), 6);
        Assert.Equal(0.0, Peptides.Similarity.Compute("AAAA", "WWWW"), 6);
    }

    [Fact]
    public void Datasets_ReadFastaAndPlainLinesWithTargets()
    {
        var fasta = Path.Combine(fixture.Directory, "set.fasta");
        File.WriteAllText(fasta, ">a\nGIGKF\nLHSAK\n>b\nYGGFM\n");
        var records = Peptides.Datasets.Read(fasta, new DatasetOptions()).ToArray();
        Assert.Equal(["GIGKFLHSAK", "YGGFM"], records.Select(r => r.Text));
        Assert.True(records[0].Targets.ContainsKey("gravy"));
        var bad = Path.Combine(fixture.Directory, "bad.txt");
        File.WriteAllText(bad, "YGGFM\nYGXFM\n");
        var error = Assert.Throws<InvalidDataException>(() => Peptides.Datasets.Read(bad, new DatasetOptions()).ToArray());
        Assert.Contains("line 2", error.Message);
    }
}
