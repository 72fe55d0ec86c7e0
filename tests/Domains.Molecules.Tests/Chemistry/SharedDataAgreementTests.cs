using LatentWorkbench.Domains.Molecules.Chemistry;

namespace LatentWorkbench.Domains.Molecules.Tests.Chemistry;

/// <summary>
/// Large-sample agreement with RDKit: a sample of the shared data sets plus mutants, scored by the RDKit oracle
/// (<see cref="RdkitOracle"/>) at test time. Skips when the shared data or the oracle is absent; fails when the oracle fails.
/// </summary>
public class SharedDataAgreementTests
{
    [SkippableFact]
    public void Properties_AgreeWithRdkit_OnSharedDataSample()
    {
        string reference = RequireOracle();
        var smiles = TestPaths.ReadSmiles(Path.Combine(TestPaths.Molecules, "zinc250k_train.csv"), 600)
            .Concat(TestPaths.ReadSmiles(Path.Combine(TestPaths.Molecules, "moses_test.smi"), 300))
            .Concat(TestPaths.ReadSmiles(Path.Combine(TestPaths.Molecules, "chembl30_valid.smi"), 300)).ToList();
        string dir = Directory.CreateTempSubdirectory("chem-oracle-").FullName;
        try
        {
            string mutants = Mutate(dir, smiles, seed: "3");
            string all = Path.Combine(dir, "all.smi");
            File.WriteAllLines(all, smiles.Concat(File.ReadLines(mutants).Take(500)));
            string csv = Path.Combine(dir, "ref.csv");
            RdkitOracle.Run(reference, all, csv);
            var agreement = Agreement.Compare(ReferenceTable.Read(csv));
            var failing = Agreement.Required.Where(kv => agreement.Percent[kv.Key] < kv.Value).Select(kv => kv.Key).ToList();
            Assert.True(failing.Count == 0, $"below threshold: {string.Join(", ", failing)}\n{agreement.Summary()}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Validity on 1,500 strings mutate.py makes (fixed seed) from all four shared sets, against RDKit's verdict:
    /// at least 99.7% must agree, both ways (strings we accept that RDKit rejects, and the reverse).
    /// </summary>
    [SkippableFact]
    public void Validity_AgreesWithRdkit_OnMutatedStrings()
    {
        string reference = RequireOracle();
        string[] sets = ["zinc250k_train.csv", "zinc250k_valid.csv", "chembl30_valid.smi", "moses_test.smi"];
        var smiles = sets.SelectMany(f => TestPaths.ReadSmiles(Path.Combine(TestPaths.Molecules, f), 500)).ToList();
        string dir = Directory.CreateTempSubdirectory("chem-mutants-").FullName;
        try
        {
            string mutants = Mutate(dir, smiles, seed: "11");
            string csv = Path.Combine(dir, "ref.csv");
            RdkitOracle.Run(reference, mutants, csv);
            var rows = ReferenceTable.Read(csv);
            var disagree = rows
                .Select(r => (Smiles: r["smiles"], Rdkit: r["valid"], Ours: ReferenceTable.Split(MoleculeDescriber.DescribeOne(r["smiles"]))))
                .Where(t => t.Rdkit != t.Ours[1])
                .Select(t => $"{t.Smiles}: rdkit {t.Rdkit}, ours {t.Ours[1]} {t.Ours[^1]}").ToList();
            double agreement = 1.0 - (double)disagree.Count / rows.Count;
            Assert.True(rows.Count >= 1000, $"only {rows.Count} mutants");
            Assert.True(agreement >= 0.997, $"validity agreement {agreement:P2} on {rows.Count} mutants\n{string.Join('\n', disagree.Take(20))}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The RDKit reference script; skips the test when the shared data, the script or RDKit is absent.</summary>
    private static string RequireOracle()
    {
        Skip.IfNot(Directory.Exists(TestPaths.Molecules), $"shared molecule data not found at {TestPaths.Molecules}");
        string reference = Path.Combine(TestPaths.Oracle, "reference.py");
        Skip.IfNot(File.Exists(reference), $"RDKit oracle script not found at {reference}");
        Skip.If(RdkitOracle.Missing is not null, RdkitOracle.Missing);
        return reference;
    }

    /// <summary>Writes <paramref name="smiles"/> into <paramref name="dir"/> and has mutate.py edit them; returns the mutants' file.</summary>
    private static string Mutate(string dir, IEnumerable<string> smiles, string seed)
    {
        string input = Path.Combine(dir, "in.smi");
        File.WriteAllLines(input, smiles);
        string mutants = Path.Combine(dir, "mut.smi");
        RdkitOracle.Run(Path.Combine(TestPaths.Oracle, "mutate.py"), input, mutants, seed);
        return mutants;
    }
}
