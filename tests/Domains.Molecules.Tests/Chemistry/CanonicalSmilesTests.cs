using LatentWorkbench.Domains.Molecules.Chemistry;

namespace LatentWorkbench.Domains.Molecules.Tests.Chemistry;

public class CanonicalSmilesTests
{
    /// <summary>Valid fixture SMILES plus stereo, isotope and charge cases.</summary>
    public static IEnumerable<object[]> Molecules() =>
        ReferenceTable.Read(TestPaths.Fixture("rdkit_reference.csv")).Where(r => r["valid"] == "1").Select(r => new object[] { r["smiles"] });

    [Theory]
    [MemberData(nameof(Molecules))]
    public void Write_GivesSameString_ForRandomAtomOrders(string smiles)
    {
        var m = Molecule.Parse(smiles);
        string canonical = CanonicalSmiles.Write(m);
        var random = new Random(smiles.Length * 7919 + smiles[0]);
        for (int k = 0; k < 20; k++)
        {
            string shuffled = RandomOrderSmiles(m, random);
            Assert.Equal(canonical, CanonicalSmiles.FromSmiles(shuffled));
        }
    }

    [Theory]
    [MemberData(nameof(Molecules))]
    public void Write_IsFixedPoint_WhenOutputParsedAgain(string smiles)
    {
        string canonical = CanonicalSmiles.FromSmiles(smiles);
        Assert.Equal(canonical, CanonicalSmiles.FromSmiles(canonical));
    }

    [Fact]
    public void Write_IgnoresRingDigitsAndAtomOrder_ForSameMolecule()
    {
        Assert.Equal(CanonicalSmiles.FromSmiles("c1ccccc1O"), CanonicalSmiles.FromSmiles("Oc%11ccccc%11"));
        Assert.Equal(CanonicalSmiles.FromSmiles("OC(=O)[C@@H](N)C"), CanonicalSmiles.FromSmiles("C[C@H](N)C(O)=O"));
    }

    [Fact]
    public void Write_KeepsStereoIsotopesAndCharges()
    {
        Assert.NotEqual(CanonicalSmiles.FromSmiles("C[C@H](N)C(=O)O"), CanonicalSmiles.FromSmiles("C[C@@H](N)C(=O)O"));
        Assert.NotEqual(CanonicalSmiles.FromSmiles("F/C=C/F"), CanonicalSmiles.FromSmiles("F/C=C\\F"));
        Assert.Contains("[13CH3]", CanonicalSmiles.FromSmiles("[13CH3]O"));
        Assert.Contains("[NH4+]", CanonicalSmiles.FromSmiles("[NH4+].[Cl-]"));
    }

    [Fact]
    public void Write_DistinguishesRingCisTrans_AndKeepsExocyclicStereoOnAromaticRings()
    {
        string cis = CanonicalSmiles.FromSmiles("C[C@H]1CC[C@@H](C)CC1");
        string trans = CanonicalSmiles.FromSmiles("C[C@H]1CC[C@H](C)CC1");
        Assert.NotEqual(cis, trans);
        Assert.Equal(cis, CanonicalSmiles.FromSmiles("C[C@@H]1CC[C@H](C)CC1"));
        Assert.Equal("CC1CCCCC1", CanonicalSmiles.FromSmiles("C[C@H]1CCCCC1"));
        string e = CanonicalSmiles.FromSmiles("CCn1/c(=N/C(C)=O)sc2ccccc21");
        string z = CanonicalSmiles.FromSmiles("CCn1/c(=N\\C(C)=O)sc2ccccc21");
        Assert.NotEqual(e, z);
        Assert.Contains("/", e);
    }

    [SkippableFact]
    public void Write_IsInvariant_ForSharedDataMolecules()
    {
        Skip.IfNot(Directory.Exists(TestPaths.Molecules), $"shared molecule data not found at {TestPaths.Molecules}");
        var smiles = TestPaths.ReadSmiles(Path.Combine(TestPaths.Molecules, "zinc250k_valid.csv"), 700)
            .Concat(TestPaths.ReadSmiles(Path.Combine(TestPaths.Molecules, "moses_test.smi"), 650))
            .Concat(TestPaths.ReadSmiles(Path.Combine(TestPaths.Molecules, "chembl30_valid.smi"), 650)).ToList();
        var random = new Random(2024);
        var failures = new List<string>();
        int tested = 0;
        foreach (var s in smiles)
        {
            var parsed = Molecule.TryParse(s);
            if (parsed.Molecule is not { } m) continue;
            tested++;
            string canonical = CanonicalSmiles.Write(m);
            for (int k = 0; k < 20; k++)
            {
                string shuffled = RandomOrderSmiles(m, random);
                string again = CanonicalSmiles.FromSmiles(shuffled);
                if (again != canonical) { failures.Add($"{s}: {canonical} vs {again} (from {shuffled})"); break; }
            }
        }
        Assert.True(tested >= 1900, $"only {tested} molecules parsed");
        Assert.True(failures.Count == 0, $"{failures.Count}/{tested} not invariant:\n" + string.Join("\n", failures.Take(10)));
    }

    /// <summary>A SMILES of the same molecule with atoms visited in a random order (random ranks for the writer).</summary>
    internal static string RandomOrderSmiles(Molecule m, Random random)
    {
        var ranks = Enumerable.Range(0, m.AtomCount).ToArray();
        random.Shuffle(ranks);
        return CanonicalSmiles.WriteWithRanks(m, ranks);
    }
}
