using LatentWorkbench.Domains.Molecules.Chemistry;

namespace LatentWorkbench.Domains.Molecules.Tests.Chemistry;

/// <summary>Bad input ends as a result (valid or with an error), never as an unhandled exception or a stack overflow.</summary>
public class RobustnessTests
{
    private const string Alphabet = "CNOSPFIBrcClnos()[]=#-+@/\\%0123456789.:*H";

    [Fact]
    public void Parse_RejectsOnlyWithSmilesErrors_ForRandomAndMutatedStrings()
    {
        // Parse, not TryParse: TryParse turns a reader defect (an index or key error) into an "internal error" result,
        // which would pass here. Only a SmilesException, with a position inside the string, is a rejection.
        var random = new Random(17);
        var seeds = ReferenceTable.Read(TestPaths.Fixture("rdkit_reference.csv")).Select(r => r["smiles"]).ToArray();
        int valid = 0, invalid = 0;
        for (int k = 0; k < 100_000; k++)
        {
            string s = k % 2 == 0 ? RandomString(random) : Mutate(seeds[random.Next(seeds.Length)], random);
            Molecule? molecule = null;
            SmilesException? rejection = null;
            try
            {
                molecule = Molecule.Parse(s);
            }
            catch (SmilesException e)
            {
                rejection = e;
            }
            catch (Exception e)
            {
                Assert.Fail($"the reader crashed on \"{s}\": {e}");
            }
            var result = Molecule.TryParse(s);
            if (rejection is null)
            {
                valid++;
                Assert.True(result.IsValid, $"TryParse rejected \"{s}\", which Parse accepts: {result.Error}");
                Assert.NotEmpty(CanonicalSmiles.Write(molecule!));
            }
            else
            {
                invalid++;
                Assert.False(string.IsNullOrWhiteSpace(rejection.Message), $"empty message for \"{s}\"");
                Assert.InRange(rejection.Position, -1, s.Length);
                Assert.Equal((rejection.Message, rejection.Position), (result.Error, result.Position));
            }
        }
        Assert.True(valid > 0 && invalid > 0, $"valid {valid}, invalid {invalid}");
    }

    [Fact]
    public void TryParse_Finishes_ForHundredThousandCharacterChain()
    {
        string s = string.Concat(Enumerable.Repeat("CC(=O)Nc1ccccc1", 6_667));
        Assert.True(s.Length >= 100_000);
        var result = Molecule.TryParse(s);
        Assert.True(result.IsValid, result.Error);
        Assert.Equal(6_667 * 10, result.Molecule!.HeavyAtomCount);
        Assert.False(Molecule.TryParse(s[..^1]).IsValid);
    }

    [Fact]
    public void TryParse_Finishes_ForTenThousandNestedBranches()
    {
        string s = "C" + string.Concat(Enumerable.Repeat("(C", 10_000)) + new string(')', 10_000);
        var result = Molecule.TryParse(s);
        Assert.True(result.IsValid, result.Error);
        Assert.Equal(10_001, result.Molecule!.HeavyAtomCount);
        Assert.False(Molecule.TryParse(s[..^1]).IsValid);
    }

    [Fact]
    public void TryParse_Finishes_ForLongAromaticAndRingInputs()
    {
        string rings = string.Concat(Enumerable.Repeat("c1ccccc1", 5_000));
        Assert.True(Molecule.TryParse(rings).IsValid);
        string smallRings = string.Concat(Enumerable.Repeat("C1CC1", 20_000));
        var parsed = Molecule.TryParse(smallRings);
        Assert.True(parsed.IsValid, parsed.Error);
        Assert.Equal(20_000, Descriptors.RingCount(parsed.Molecule!));
        string badAromatic = string.Concat(Enumerable.Repeat("c", 20_000));
        Assert.False(Molecule.TryParse(badAromatic).IsValid);
    }

    [Fact]
    public void DescribeOne_ReportsError_ForMoleculesTooLargeForCanonicalForm()
    {
        string chain = new('C', 100_000);
        var row = ReferenceTable.Split(MoleculeDescriber.DescribeOne(chain));
        Assert.Equal("0", row[1]);
        Assert.Contains("limited to", row[^1]);
        var small = ReferenceTable.Split(MoleculeDescriber.DescribeOne(new string('C', CanonicalSmiles.MaxAtoms)));
        Assert.Equal("1", small[1]);
    }

    private static string RandomString(Random random)
    {
        int len = random.Next(1, 40);
        var chars = new char[len];
        for (int i = 0; i < len; i++) chars[i] = Alphabet[random.Next(Alphabet.Length)];
        return new string(chars);
    }

    private static string Mutate(string seed, Random random)
    {
        var s = new System.Text.StringBuilder(seed);
        int edits = random.Next(1, 3);
        for (int e = 0; e < edits && s.Length > 0; e++)
        {
            int i = random.Next(s.Length);
            double op = random.NextDouble();
            if (op < 0.4) s.Remove(i, 1);
            else if (op < 0.8) s.Insert(i, Alphabet[random.Next(Alphabet.Length)]);
            else s[i] = Alphabet[random.Next(Alphabet.Length)];
        }
        return s.Length == 0 ? "C" : s.ToString();
    }
}
