using System.Text.RegularExpressions;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Domains.Molecules.Chemistry;

namespace LatentWorkbench.Domains.Molecules.Tests.Chemistry;

public sealed partial class KekuleSmilesTests
{
    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex BracketAtom();

    /// <summary>Whether any atom outside brackets is written aromatic (lower-case organic-subset symbol).</summary>
    private static bool HasAromaticAtom(string smiles) => BracketAtom().Replace(smiles, "").IndexOfAny(['c', 'n', 'o', 's', 'p', 'b']) >= 0
        || BracketAtom().Matches(smiles).Any(m => m.Value.Length > 1 && char.IsLower(m.Value.TrimStart('[').TrimStart("0123456789".ToCharArray())[0]));

    [Theory]
    [InlineData("c1ccccc1", "C=1C=CC=CC1")] // the ring-closure bond is the double one
    [InlineData("c1ccncc1", "C1=CC=CC=N1")]
    [InlineData("c1cc[nH]c1", "C1=CC=CN1")]
    [InlineData("c1ccoc1", "C1=CC=CO1")]
    public void WriteKekule_GivesTheExpectedFormForSmallRings(string aromatic, string kekule)
    {
        Assert.Equal(kekule, CanonicalSmiles.WriteKekule(Molecule.Parse(aromatic)));
    }

    [Theory]
    [InlineData("Cn1cnc2c1c(=O)n(C)c(=O)n2C")]              // caffeine
    [InlineData("CC(=O)Oc1ccccc1C(=O)O")]                   // aspirin
    [InlineData("C[n+]1ccccc1")]                            // N-methylpyridinium
    [InlineData("c1ccc2c(c1)ccc1ccccc12")]                  // phenanthrene
    [InlineData("O=C(Nc1ccc(F)cc1)c1cccs1")]                // thiophene amide
    [InlineData("Cc1ccc(-c2nc3ccccc3[nH]2)cc1")]            // benzimidazole
    [InlineData("C[C@H](N)c1ccc(/C=C/Cl)cc1")]              // stereo kept
    public void WriteKekule_ReadsBackToTheSameMolecule_WithNoAromaticAtoms(string smiles)
    {
        var molecule = Molecule.Parse(smiles);
        var kekule = CanonicalSmiles.WriteKekule(molecule);
        Assert.False(HasAromaticAtom(kekule), kekule);
        Assert.Equal(CanonicalSmiles.Write(molecule), CanonicalSmiles.FromSmiles(kekule));
    }

    [SkippableFact]
    public void WriteKekule_RoundTripsZincMolecules()
    {
        var file = LatentWorkbench.Tests.Checkout.Shared("data", "molecules", "zinc250k_valid.csv");
        Skip.If(file is null, "../shared/data/molecules is not beside this checkout");
        var smiles = new MoleculesModule().Datasets.Read(file!, new DatasetOptions(Limit: 3000)).Select(r => r.Text).ToArray();
        var failures = smiles.Where(s =>
        {
            var kekule = CanonicalSmiles.WriteKekule(Molecule.Parse(s));
            return HasAromaticAtom(kekule) || CanonicalSmiles.FromSmiles(kekule) != s;
        }).ToArray();
        Assert.True(failures.Length == 0, $"{failures.Length} of {smiles.Length} differ, e.g. {string.Join(" ", failures.Take(5))}");
    }
}
