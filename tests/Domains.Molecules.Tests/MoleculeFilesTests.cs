using System.Text;
using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Domains.Molecules.Tests;

public class MoleculeFilesTests
{
    private static readonly MoleculeFiles Files = new();

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void ReadAll_Smi_ReadsSmilesAndNames_SkippingComments()
    {
        var items = Files.ReadAll("a.smi", Bytes("# comment\nCCO ethanol\n\nc1ccccc1\n"));
        Assert.Equal(["CCO", "c1ccccc1"], items.Select(i => i.Text));
        Assert.Equal("ethanol", items[0].Name);
        Assert.Equal("line 4", items[1].Name);
    }

    [Fact]
    public void ReadAll_Csv_UsesTheSmilesAndNameColumns()
    {
        var items = Files.ReadAll("a.csv", Bytes("id,name,smiles\n1,ethanol,CCO\n2,phenol,c1ccccc1O\n"));
        Assert.Equal(("phenol", "c1ccccc1O"), (items[1].Name, items[1].Text));
        var error = Assert.Throws<InvalidDataException>(() => Files.ReadAll("b.csv", Bytes("name,formula\nx,y\n")));
        Assert.Contains("line 1", error.Message);
    }

    [Fact]
    public void ReadAll_Sdf_ReadsTheSmilesField_AndNamesARecordWithout()
    {
        var sdf = Files.Export("sdf", [new ExportItem("aspirin", "CC(=O)Oc1ccccc1C(=O)O", true, new Dictionary<string, double> { ["qed"] = 0.55 })]);
        var items = Files.ReadAll("x.sdf", sdf);
        Assert.Equal(("aspirin", "CC(=O)Oc1ccccc1C(=O)O"), (items[0].Name, items[0].Text));
        var error = Assert.Throws<InvalidDataException>(() => Files.ReadAll("y.sdf", Bytes("benzene\n  x\n\n  0  0  0  0  0  0  0  0  0  0999 V2000\nM  END\n$$$$\n")));
        Assert.Contains("record 1", error.Message);
    }

    [Fact]
    public void ReadAll_OtherExtension_SaysWhichAreRead()
    {
        var error = Assert.Throws<InvalidDataException>(() => Files.ReadAll("a.txt", Bytes("CCO")));
        Assert.Contains(".smi, .csv or .sdf", error.Message);
    }

    [Fact]
    public void Export_Smi_And_Sdf_SkipNothingValid()
    {
        var items = new[] { new ExportItem("p1", "CCO", true, new Dictionary<string, double>()), new ExportItem("p2", "C1CC", false, new Dictionary<string, double>()) };
        Assert.Equal("CCO p1\nC1CC p2\n", Encoding.UTF8.GetString(Files.Export("smi", items)));
        var sdf = Encoding.UTF8.GetString(Files.Export("sdf", items));
        Assert.Single(sdf.Split("$$$$", StringSplitOptions.RemoveEmptyEntries), r => r.Trim().Length > 0);
        Assert.Throws<ArgumentException>(() => Files.Export("mol2", items));
    }

    [Fact]
    public void Search_CompilesSmarts_AndNamesThePositionOfAnError()
    {
        var matches = new MoleculeSearch().Compile("c1ccccc1O");
        Assert.True(matches("Oc1ccccc1"));
        Assert.False(matches("CCO"));
        Assert.False(matches("not a molecule"));
        Assert.Contains("position", Assert.Throws<FormatException>(() => new MoleculeSearch().Compile("c1cc(")).Message);
    }

    [Fact]
    public void Files_ReadsTheFirstOrTheNthMolecule_AndSaysWhenThereIsNone()
    {
        IItemFiles format = Files;
        var content = Bytes("CCO ethanol\nc1ccccc1O phenol\n");
        Assert.Equal("CCO", format.Read("two.smi", content));
        Assert.Equal("c1ccccc1O", format.Read("two.smi", content, part: 2));
        Assert.Contains("holds 2 molecule(s)", Assert.Throws<InvalidDataException>(() => format.Read("two.smi", content, part: 3)).Message);
        Assert.Throws<InvalidDataException>(() => format.Read("two.txt", content));
    }

    [Fact]
    public void Files_WritesASmilesAndAnSdFile_ThatReadBack()
    {
        IItemFiles format = Files;
        var files = format.Write("c1ccccc1O", "step_03");
        Assert.Equal(["step_03.smi", "step_03.sdf"], files.Select(f => f.Name));
        Assert.Equal("c1ccccc1O", format.Read(files[0].Name, files[0].Content));
        Assert.Equal("c1ccccc1O", format.Read(files[1].Name, files[1].Content));
        Assert.IsType<MoleculeFiles>(new MoleculesModule().Files);
        Assert.IsType<MoleculeSearch>(new MoleculesModule().StructureSearch);
    }
}
