using LatentWorkbench.Domains.Molecules.Chemistry;

namespace LatentWorkbench.Domains.Molecules.Tests.Chemistry;

/// <summary>Molblocks read back by RDKit (the oracle) give the molecule they were written from, hydrogens and charges included.</summary>
public class MolfileWriterTests
{
    private static readonly string[] Smiles =
    [
        "CC(=O)Oc1ccccc1C(=O)O", "Cn1cnc2c1c(=O)n(C)c(=O)n2C", "c1ccc2[nH]ccc2c1", "C[N+](C)(C)CC(=O)[O-]",
        "[13CH3]C(=O)O", "O=[N+]([O-])c1ccc(Cl)cc1", "Cc1cc(NS(=O)(=O)c2ccc(N)cc2)no1", "c1ccsc1", "[NH4+].[Cl-]", "C#N",
    ];

    [Fact]
    public void Write_HasCountsLineAtomsBondsAndEnd()
    {
        var block = MolfileWriter.Write(Molecule.Parse("C[N+](C)(C)CC(=O)[O-]"), "betaine");
        var lines = block.Split('\n');
        Assert.Equal("betaine", lines[0]);
        Assert.EndsWith("V2000", lines[3]);
        Assert.Equal("  8  7", lines[3][..6]);
        Assert.Contains("M  CHG  2   2   1   8  -1", block);
        Assert.EndsWith("M  END\n", block);
    }

    [SkippableFact]
    public void Write_RdkitReadsTheSameMolecule()
    {
        Skip.If(RdkitOracle.Missing is not null, RdkitOracle.Missing);
        var dir = Directory.CreateTempSubdirectory("molfile-").FullName;
        try
        {
            var sdf = Path.Combine(dir, "out.sdf");
            File.WriteAllText(sdf, string.Concat(Smiles.Select(s => MolfileWriter.Write(Molecule.Parse(s), s) + "$$$$\n")));
            const string script = "import sys\nfrom rdkit import Chem\nfor m in Chem.SDMolSupplier(sys.argv[1], removeHs=False):\n"
                + "    print(Chem.MolToSmiles(Chem.MolFromSmiles(m.GetProp('_Name')), isomericSmiles=False) + ' ' + Chem.MolToSmiles(m, isomericSmiles=False))\n";
            var run = RdkitOracle.Run("-c", script, sdf);
            var pairs = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToList();
            Assert.True(pairs.Count == Smiles.Length, $"RDKit read {pairs.Count} of {Smiles.Length} records: {run.Errors}");
            foreach (var pair in pairs) Assert.Equal(pair[0], pair[1]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
