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
        Skip.IfNot(Directory.Exists(TestPaths.Molecules), $"shared molecule data not found at {TestPaths.Molecules}");
        string reference = Path.Combine(TestPaths.Oracle, "reference.py");
        Skip.IfNot(File.Exists(reference), $"RDKit oracle script not found at {reference}");
        Skip.If(RdkitOracle.Missing is not null, RdkitOracle.Missing);
        var smiles = TestPaths.ReadSmiles(Path.Combine(TestPaths.Molecules, "zinc250k_train.csv"), 600)
            .Concat(TestPaths.ReadSmiles(Path.Combine(TestPaths.Molecules, "moses_test.smi"), 300))
            .Concat(TestPaths.ReadSmiles(Path.Combine(TestPaths.Molecules, "chembl30_valid.smi"), 300)).ToList();
        string dir = Directory.CreateTempSubdirectory("chem-oracle-").FullName;
        try
        {
            string input = Path.Combine(dir, "in.smi");
            File.WriteAllLines(input, smiles);
            string mutants = Path.Combine(dir, "mut.smi");
            RdkitOracle.Run(Path.Combine(TestPaths.Oracle, "mutate.py"), input, mutants, "3");
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
}
