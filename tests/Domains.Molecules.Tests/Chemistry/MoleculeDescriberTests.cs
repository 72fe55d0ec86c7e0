using LatentWorkbench.Domains.Molecules.Chemistry;

namespace LatentWorkbench.Domains.Molecules.Tests.Chemistry;

public class MoleculeDescriberTests
{
    [Fact]
    public void Describe_WritesHeaderAndOneRowPerSmiles_SkippingBlankLines()
    {
        var output = new StringWriter();
        int rows = MoleculeDescriber.Describe(new StringReader("CCO ethanol\n\n  \nC1CC\nc1ccccc1\tbenzene\n"), output);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal(3, rows);
        Assert.Equal(MoleculeDescriber.Header, lines[0]);
        var table = ReferenceTable.Parse(lines);
        Assert.Equal(["CCO", "C1CC", "c1ccccc1"], table.Select(r => r["smiles"]));
        Assert.Equal("1", table[0]["valid"]);
        Assert.Equal("46.069", table[0]["mw"]);
        Assert.Equal("", table[0]["error"]);
        Assert.Equal("0", table[1]["valid"]);
        Assert.Contains("unclosed ring bond 1", table[1]["error"]);
        Assert.Equal("389 1088 1873", table[2]["ecfp4_bits"]);
    }

    [Fact]
    public void DescribeOne_QuotesFields_ThatContainCommas()
    {
        string row = MoleculeDescriber.DescribeOne("C,C");
        Assert.StartsWith("\"C,C\",0,", row);
        Assert.Equal(18, ReferenceTable.Split(row).Length);
    }
}
